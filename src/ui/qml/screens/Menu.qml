import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Choose a service: one large button per service the kiosk offers.
ScreenFrame {
    id: screen
    title: qsTr("What would you like to do?")
    GridLayout {
        columns: screen.landscape ? 2 : 1  // landscape: two by two, so the help entry stays on screen
        columnSpacing: Theme.spacing; rowSpacing: Theme.spacing
        Layout.fillWidth: true
        Repeater {
            model: vm.services
            delegate: BigButton {
                required property string modelData
                objectName: "menu.service." + modelData
                text: Texts.service(modelData)
                implicitHeight: Theme.targetHeight + 44
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                onClicked: vm.choose(modelData)
            }
        }
    }
    BigButton {
        objectName: "menu.helpButton"
        text: qsTr("Need help? Priority service")
        primary: false
        Layout.fillWidth: true
        onClicked: vm.help()
    }
    Item { Layout.fillHeight: true }
    Body {
        text: qsTr("Other licence matters are handled at the service windows.")
        color: Theme.mutedText; Layout.fillWidth: true
    }
}

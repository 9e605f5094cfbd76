import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Choose a service: one large button per service the kiosk offers.
ScreenFrame {
    title: qsTr("What would you like to do?")
    Repeater {
        model: vm.services
        delegate: BigButton {
            required property string modelData
            objectName: "menu.service." + modelData
            text: Texts.service(modelData)
            implicitHeight: 140
            Layout.fillWidth: true
            onClicked: vm.choose(modelData)
        }
    }
    Item { Layout.fillHeight: true }
    Body {
        text: qsTr("Other licence matters are handled at the service windows.")
        color: Theme.mutedText; Layout.fillWidth: true
    }
}

import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// A device the kiosk cannot work without is down: say so plainly, and where else to go. The kiosk comes
// back by itself when the device does; technicians get in through the hidden corner.
Rectangle {
    id: page
    required property var vm
    color: Theme.background
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.contentWidth)
        spacing: Theme.spacing * 2
        Text {
            objectName: "screen.title"
            text: qsTr("This kiosk is out of service")
            font.family: Theme.fontFamily; font.pixelSize: Theme.heroSize; font.bold: true
            color: Theme.text; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Body {
            text: qsTr("We are sorry. Please go to window %1, use another kiosk, or apply in the 交管12123 app.").arg(page.vm.serviceWindow)
            horizontalAlignment: Text.AlignHCenter; Layout.fillWidth: true
        }
        Body {
            objectName: "outOfService.devices"
            text: qsTr("Staff have been told. (%1)").arg(page.vm.devicesDown.join(", "))
            color: Theme.mutedText; horizontalAlignment: Text.AlignHCenter; Layout.fillWidth: true
        }
    }
    HiddenCorner { vm: page.vm; anchors { left: parent.left; top: parent.top } }
    Component.onCompleted: page.vm.announce(qsTr("This kiosk is out of service"))
}

import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Diagnostics: the technician's PIN on the keypad (digits shown as dots); locked after repeated wrong tries.
ScreenFrame {
    id: screen
    title: qsTr("Diagnostics")
    property string pin: ""
    Body {
        objectName: "diagnosticsPin.state"
        text: vm.pinLockedFor > 0 ? qsTr("Too many wrong PINs. Try again in %1 seconds.").arg(vm.pinLockedFor)
            : vm.pinFailures > 0 ? qsTr("Wrong PIN (%1 so far).").arg(vm.pinFailures)
            : qsTr("Technicians only: enter the diagnostics PIN.")
        color: vm.pinLockedFor > 0 || vm.pinFailures > 0 ? Theme.danger : Theme.text
        Layout.fillWidth: true
    }
    Text {
        objectName: "diagnosticsPin.dots"
        text: "●".repeat(screen.pin.length)
        font.pixelSize: Theme.titleSize; color: Theme.text
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredHeight: Theme.titleSize * 1.4
    }
    Keypad {
        Layout.alignment: Qt.AlignHCenter
        onDigit: (d) => { if (screen.pin.length < 12) screen.pin += d }
        onErase: screen.pin = screen.pin.slice(0, -1)
    }
    Item { Layout.fillHeight: true }
    actions: [
        BigButton {
            objectName: "diagnosticsPin.enterButton"
            text: qsTr("Enter")
            enabled: screen.pin.length >= 4 && vm.pinLockedFor === 0
            Layout.fillWidth: true
            onClicked: { vm.enterPin(screen.pin); screen.pin = "" }
        }
    ]
}

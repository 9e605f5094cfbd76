import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The green channel: a person instead of the machine, for elderly and disabled citizens and for
// agents acting for a holder (Art. 105). The request goes to the back office; staff answer it.
ScreenFrame {
    id: screen
    title: qsTr("Help and priority service")
    property bool home: false
    property string phone: ""
    readonly property bool sending: vm.helpStatus === "sending"
    Body {
        text: qsTr("For older and disabled citizens, and anyone who would rather be served by a person.")
        Layout.fillWidth: true
    }
    Notice {
        objectName: "help.problem"
        visible: vm.helpStatus === "failed"
        text: qsTr("We could not reach the staff just now. Please go to the information desk or any service window.")
        warning: true
    }
    Busy { visible: screen.sending; message: qsTr("Asking the staff…") }
    ColumnLayout {
        visible: !screen.home && !screen.sending
        spacing: Theme.spacing
        Layout.fillWidth: true
        BigButton {
            objectName: "help.staffButton"
            text: qsTr("Ask a member of staff to come to this kiosk")
            Layout.fillWidth: true
            onClicked: vm.requestHelp("staff", "")
        }
        BigButton {
            objectName: "help.priorityButton"
            text: qsTr("Priority service at a window (green channel)")
            Layout.fillWidth: true
            onClicked: vm.requestHelp("priority", "")
        }
        BigButton {
            objectName: "help.agentButton"
            text: qsTr("I am applying for someone else (with their written authorisation)")
            Layout.fillWidth: true
            onClicked: vm.requestHelp("agent", "")
        }
        BigButton {
            objectName: "help.homeButton"
            text: qsTr("Book a home visit (for those who cannot come in)")
            primary: false
            Layout.fillWidth: true
            onClicked: screen.home = true
        }
    }
    ColumnLayout {
        visible: screen.home && !screen.sending
        spacing: Theme.spacing
        Layout.fillWidth: true
        Body { text: qsTr("Your mobile phone number: we will call you to arrange the visit."); Layout.fillWidth: true }
        Text {
            objectName: "help.phone"
            text: screen.phone.length > 0 ? screen.phone : qsTr("Enter 11 digits")
            font.family: Theme.fontFamily; font.pixelSize: Theme.titleSize
            color: screen.phone.length > 0 ? Theme.text : Theme.mutedText
            Layout.alignment: Qt.AlignHCenter
        }
        Keypad {
            Layout.alignment: Qt.AlignHCenter
            onDigit: (d) => { if (screen.phone.length < 11) screen.phone += d }
            onErase: screen.phone = screen.phone.slice(0, -1)
        }
        BigButton {
            objectName: "help.homeSendButton"
            text: qsTr("Book the home visit")
            enabled: /^1\d{10}$/.test(screen.phone)
            Layout.fillWidth: true
            onClicked: vm.requestHelp("home_service", screen.phone)
        }
    }
    Item { Layout.fillHeight: true }
}

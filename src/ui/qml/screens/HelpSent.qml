import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The staff have the request: what happens now, and the ticket number to show.
ScreenFrame {
    title: vm.helpKind === "staff" ? qsTr("A member of staff is on the way")
         : vm.helpKind === "home_service" ? qsTr("Your home visit is booked")
         : qsTr("Please go to window %1").arg(vm.helpWindow || vm.serviceWindow)
    showCancel: false
    Body {
        text: vm.helpKind === "staff" ? qsTr("Please wait at this kiosk.")
            : vm.helpKind === "home_service" ? qsTr("We will call you to arrange a time.")
            : vm.helpKind === "agent" ? qsTr("Please bring your own ID card, the holder's ID card and the holder's written authorisation.")
            : qsTr("You will be served first.")
        Layout.fillWidth: true
    }
    Body { text: qsTr("Your ticket number"); color: Theme.mutedText; Layout.alignment: Qt.AlignHCenter }
    Text {
        objectName: "helpSent.ticket"
        text: vm.helpTicket
        font.family: Theme.fontFamily; font.pixelSize: Theme.heroSize; font.bold: true
        color: Theme.text; Layout.alignment: Qt.AlignHCenter
        Accessible.name: qsTr("Ticket %1").arg(vm.helpTicket)
    }
    Item { Layout.fillHeight: true }
    actions: [
        BigButton {
            objectName: "helpSent.finishButton"
            text: qsTr("Finish")
            Layout.fillWidth: true
            onClicked: vm.send("finish")
        }
    ]
}

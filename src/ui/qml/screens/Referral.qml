import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Sent to a staffed window (Art. 83 frequent reissue, a late renewal, a declared condition): where to
// go, why, and a slip (QR code, printed when a printer is there) with a ticket for the staff.
ScreenFrame {
    id: screen
    title: qsTr("Please go to window %1").arg(vm.serviceWindow)
    showCancel: false
    readonly property var slipLines: {
        var lines = [qsTr("Ticket: %1").arg(vm.ticket), Texts.service(vm.service)]
        for (var i = 0; i < vm.reasons.length; i++)
            lines.push("• " + Texts.reason(vm.reasons[i]))
        return lines
    }
    Body { text: qsTr("Staff will handle your application in person. Please show them this ticket:"); Layout.fillWidth: true }
    Text {
        objectName: "referral.ticket"
        text: vm.ticket
        font.family: Theme.fontFamily; font.pixelSize: Theme.heroSize; font.bold: true
        color: Theme.text; Layout.alignment: Qt.AlignHCenter
        Accessible.name: qsTr("Ticket %1").arg(vm.ticket)
    }
    Image {
        objectName: "referral.qr"
        source: vm.referralQrSource
        cache: false; smooth: false
        fillMode: Image.PreserveAspectFit
        Layout.alignment: Qt.AlignHCenter
        Layout.preferredHeight: 280; Layout.preferredWidth: 280
        Accessible.name: qsTr("QR code of the referral slip")
    }
    Repeater {
        model: vm.reasons
        delegate: Notice {
            required property string modelData
            objectName: "referral.reason." + modelData
            text: Texts.reason(modelData) + "\n" + Texts.action(modelData, vm.serviceWindow)
        }
    }
    PrintStatus { vm: screen.vm }
    Item { Layout.fillHeight: true }
    Component.onCompleted: if (vm.printerReady) vm.printSlip(screen.title, screen.slipLines, vm.referralSlip)
    actions: [
        BigButton {
            objectName: "referral.printButton"
            visible: vm.printerReady && vm.printStatus === "failed"
            text: qsTr("Print again"); primary: false
            onClicked: vm.printSlip(screen.title, screen.slipLines, vm.referralSlip)
        },
        BigButton {
            objectName: "referral.finishButton"
            text: qsTr("Finish")
            Layout.fillWidth: true
            onClicked: vm.send("finish")
        }
    ]
}

import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The application number, as text and as a QR code to scan with a phone.
ScreenFrame {
    id: screen
    readonly property string nextStep: vm.deliveryMethod === "post"
        ? qsTr("Your new licence will be made within one working day and sent by post. Please take your ID card.")
        : qsTr("Your new licence will be ready at this office within one working day. Please take your ID card.")
    // A printed receipt says what the screen says: the service, the number, what happens next.
    function printReceipt() {
        var number = vm.delivered ? vm.applicationId : vm.reference
        var label = vm.delivered ? qsTr("Application number") : qsTr("Reference")
        vm.printSlip(screen.title, [Texts.service(vm.service), label + ": " + number, nextStep],
                     vm.delivered ? vm.applicationId : "")
    }
    Component.onCompleted: if (vm.printerReady) printReceipt()
    // Honest about delivery: an application number only once the licence system has acknowledged it.
    title: vm.delivered ? qsTr("Your application has been submitted") : qsTr("Your application is saved and will be sent")
    showCancel: false
    Body {
        visible: !vm.delivered
        objectName: "done.queuedNotice"
        text: qsTr("The licence system cannot be reached just now. This kiosk will send your application automatically; you will receive the application number by text message.")
        Layout.fillWidth: true
    }
    Body {
        text: vm.delivered ? qsTr("Application number") : qsTr("Reference")
        color: Theme.mutedText; Layout.alignment: Qt.AlignHCenter
    }
    Text {
        objectName: "done.applicationId"
        text: vm.delivered ? vm.applicationId : vm.reference
        font.family: Theme.fontFamily; font.pixelSize: Theme.titleSize; font.bold: true
        color: Theme.text; Layout.alignment: Qt.AlignHCenter
        Accessible.name: text
    }
    Image {
        objectName: "done.qr"
        source: vm.qrSource
        visible: vm.delivered
        cache: false
        Layout.alignment: Qt.AlignHCenter
        fillMode: Image.PreserveAspectFit
        Layout.fillHeight: true
        Layout.maximumHeight: 360
        Layout.preferredHeight: 360
        Layout.preferredWidth: 360
        smooth: false
        Accessible.name: qsTr("QR code of the application number")
    }
    Body {
        text: screen.nextStep
        horizontalAlignment: Text.AlignHCenter; Layout.fillWidth: true
    }
    Body {
        visible: vm.delivered
        text: qsTr("Scan the code to follow your application.")
        color: Theme.mutedText; horizontalAlignment: Text.AlignHCenter; Layout.fillWidth: true
    }
    PrintStatus { vm: screen.vm }
    Item { Layout.fillHeight: true }
    actions: [
        BigButton {
            objectName: "done.printButton"
            visible: vm.printerReady && vm.printStatus === "failed"
            text: qsTr("Print again"); primary: false
            onClicked: screen.printReceipt()
        },
        BigButton {
            objectName: "done.finishButton"
            text: qsTr("Finish")
            Layout.fillWidth: true
            onClicked: vm.send("finish")
        }
    ]
}

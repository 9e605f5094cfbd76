import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The payment did not go through: nothing was submitted; try again or stop here.
ScreenFrame {
    title: qsTr("The fee was not paid")
    showCancel: false  // "Finish" is the way out here
    Body { objectName: "unpaid.message"; text: Texts.failure(vm.failure); Layout.fillWidth: true }
    Body {
        text: qsTr("Your application has not been submitted. If you paid on your phone, perhaps on another phone, touch \"I have paid\" and we check again; otherwise you can try the payment again.")
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }
    actions: [
        BigButton {
            objectName: "unpaid.finishButton"
            text: qsTr("Finish"); primary: false
            onClicked: vm.send("finish")
        },
        BigButton {
            objectName: "unpaid.paidButton"
            visible: vm.paymentStatus.length > 0
            text: qsTr("I have paid"); primary: false
            onClicked: vm.send("recheck_payment")
        },
        BigButton {
            objectName: "unpaid.retryButton"
            text: qsTr("Try the payment again")
            Layout.fillWidth: true
            onClicked: vm.send("retry_payment")
        }
    ]
}

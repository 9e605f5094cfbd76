import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The failsafe: a plain message, nothing technical, and a way out. Nothing was submitted.
ScreenFrame {
    title: qsTr("Sorry, we could not finish")
    showCancel: false
    Body { objectName: "failed.message"; text: Texts.failure(vm.failure); Layout.fillWidth: true }
    Body {
        text: qsTr("Nothing has been submitted and nothing was charged. Please try again later or ask at a service window.")
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }
    actions: [
        BigButton {
            objectName: "failed.finishButton"
            text: qsTr("Finish")
            Layout.fillWidth: true
            onClicked: vm.send("finish")
        }
    ]
}

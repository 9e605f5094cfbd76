import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Every reason at once (Art. 3), each with what to do next; or the referral to a staffed window.
ScreenFrame {
    id: screen
    readonly property var slipLines: {
        var lines = [Texts.service(vm.service)]
        for (var i = 0; i < vm.reasons.length; i++)
            lines.push("• " + Texts.reason(vm.reasons[i]), "  " + Texts.action(vm.reasons[i], vm.serviceWindow))
        return lines
    }
    title: vm.eligibility === "referred" ? qsTr("Please go to a service window") : qsTr("This cannot be done at the kiosk")
    showCancel: false
    Body {
        text: vm.eligibility === "referred"
              ? qsTr("Staff will handle your application in person:")
              : qsTr("We checked everything at once. Please see to all of the following:")
        Layout.fillWidth: true
    }
    Repeater {
        model: vm.reasons
        delegate: Rectangle {
            required property string modelData
            objectName: "refused.reason." + modelData
            Layout.fillWidth: true
            implicitHeight: reasonColumn.implicitHeight + 2 * Theme.spacing
            color: Theme.surface; radius: Theme.radius
            border.color: Theme.danger; border.width: 2
            ColumnLayout {
                id: reasonColumn
                anchors { fill: parent; margins: Theme.spacing }
                Body { text: Texts.reason(modelData); font.bold: true; Layout.fillWidth: true }
                Body { text: Texts.action(modelData, vm.serviceWindow); color: Theme.mutedText; Layout.fillWidth: true }
            }
        }
    }
    PrintStatus { vm: screen.vm }
    Item { Layout.fillHeight: true }
    actions: [
        BigButton {
            objectName: "refused.printButton"
            visible: vm.printerReady
            enabled: vm.printStatus !== "printing"
            text: qsTr("Print this list"); primary: false
            onClicked: vm.printSlip(screen.title, screen.slipLines, "")
        },
        BigButton {
            objectName: "refused.finishButton"
            text: qsTr("Finish")
            Layout.fillWidth: true
            onClicked: vm.send("finish")
        }
    ]
}

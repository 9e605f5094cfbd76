import QtQuick
import QtQuick.Layouts
import ".."

// On every screen: care mode (关怀模式: large text, high contrast, more time), voice guidance with its
// controls, and a call for a member of staff, who comes to the kiosk while the session goes on.
Rectangle {
    id: bar
    required property var vm
    implicitHeight: column.implicitHeight + 2 * 12
    color: Theme.surface
    readonly property bool staffCalled: vm.helpStatus.length > 0 && vm.screen !== "help" && vm.screen !== "help_sent"
    ColumnLayout {
        id: column
        anchors { fill: parent; margins: 12; leftMargin: Theme.margin; rightMargin: Theme.margin }
        spacing: 12
        Flow {
            Layout.fillWidth: true
            spacing: 12
            ToolButton {
                objectName: "access.careButton"
                text: qsTr("Large text")
                checked: bar.vm.careMode
                onClicked: bar.vm.toggleCare()
            }
            ToolButton {
                objectName: "access.voiceButton"
                visible: bar.vm.voiceAvailable
                text: qsTr("Voice")
                checked: bar.vm.voiceOn
                onClicked: bar.vm.voice("toggle")
            }
            ToolButton {
                objectName: "access.repeatButton"
                visible: bar.vm.voiceOn
                text: qsTr("Repeat")
                onClicked: bar.vm.voice("repeat")
            }
            ToolButton {
                objectName: "access.stopButton"
                visible: bar.vm.voiceOn
                text: qsTr("Stop")
                onClicked: bar.vm.voice("stop")
            }
            ToolButton {
                objectName: "access.softerButton"
                visible: bar.vm.voiceOn
                text: qsTr("Quieter")
                onClicked: bar.vm.voice("softer")
            }
            ToolButton {
                objectName: "access.louderButton"
                visible: bar.vm.voiceOn
                text: qsTr("Louder")
                onClicked: bar.vm.voice("louder")
            }
            ToolButton {
                objectName: "access.staffButton"
                visible: bar.vm.screen !== "help" && bar.vm.screen !== "help_sent"
                text: qsTr("Call staff")
                checked: bar.staffCalled
                onClicked: bar.vm.callStaff()
            }
        }
        Text {
            objectName: "access.staffStatus"
            visible: bar.staffCalled
            text: bar.vm.helpStatus === "sending" ? qsTr("Calling a member of staff…")
                : bar.vm.helpStatus === "sent" ? qsTr("A member of staff is on the way (ticket %1). You can go on meanwhile.").arg(bar.vm.helpTicket)
                : qsTr("We could not reach the staff. Please go to the information desk.")
            font.family: Theme.fontFamily; font.pixelSize: Theme.smallSize
            color: bar.vm.helpStatus === "failed" ? Theme.danger : Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ".."
import "../components"

// Diagnostics: every device, the back office, the outbox, storage, masked logs, versions, the audit trail;
// retry the outbox now, save a diagnostics bundle, leave (back to the attract screen).
ScreenFrame {
    id: screen
    title: qsTr("Diagnostics")
    Body {
        objectName: "diagnostics.message"
        visible: vm.diagnosticsMessage.length > 0
        text: vm.diagnosticsMessage
        color: Theme.primary; font.bold: true; Layout.fillWidth: true
    }
    Busy { visible: vm.diagnosticsReport.length === 0; message: qsTr("Collecting…") }
    ListView {
        objectName: "diagnostics.report"
        Layout.fillWidth: true; Layout.fillHeight: true
        clip: true
        spacing: Theme.spacing
        model: vm.diagnosticsReport
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn; width: 24 }
        delegate: ColumnLayout {
            required property var modelData
            width: ListView.view.width - 32
            spacing: 4
            Body { text: modelData.title; font.bold: true; Layout.fillWidth: true }
            Repeater {
                model: modelData.lines
                delegate: Text {
                    required property string modelData
                    text: modelData
                    font.family: "monospace"; font.pixelSize: Theme.smallSize; color: Theme.text
                    wrapMode: Text.WrapAnywhere; Layout.fillWidth: true
                }
            }
        }
    }
    Flow {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Repeater {
            model: vm.bundleFolders
            delegate: ToolButton {
                required property string modelData
                objectName: "diagnostics.saveButton." + index
                required property int index
                text: qsTr("Save bundle to %1").arg(modelData)
                onClicked: vm.diagnosticsAction("save_bundle", modelData)
            }
        }
    }
    actions: [
        BigButton {
            objectName: "diagnostics.refreshButton"
            text: qsTr("Refresh"); primary: false
            onClicked: vm.diagnosticsAction("refresh", "")
        },
        BigButton {
            objectName: "diagnostics.outboxButton"
            text: qsTr("Send the outbox now"); primary: false
            onClicked: vm.diagnosticsAction("retry_outbox", "")
        },
        BigButton {
            objectName: "diagnostics.leaveButton"
            text: qsTr("Leave")
            Layout.fillWidth: true
            onClicked: vm.send("finish")
        }
    ]
}

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
    wantsKeyboard: true  // the test read's access data
    Body {
        objectName: "diagnostics.message"
        visible: vm.diagnosticsMessage.length > 0
        text: vm.diagnosticsMessage
        color: Theme.primary; font.bold: true; Layout.fillWidth: true
    }
    Busy { visible: vm.diagnosticsReport.length === 0; message: qsTr("Collecting…") }
    // The camera, live: the preview, its frame rate and the photo checks' verdict on it.
    RowLayout {
        id: cameraRow
        Layout.fillWidth: true
        spacing: Theme.spacing
        property int frames: 0
        property int fps: 0
        Connections { target: vm; function onPreviewChanged() { cameraRow.frames += 1 } }
        Timer {
            interval: 1000; repeat: true; running: true
            onTriggered: { cameraRow.fps = cameraRow.frames; cameraRow.frames = 0 }
        }
        Image {
            objectName: "diagnostics.preview"
            source: vm.previewFrame > 0 ? "image://kiosk/preview/" + vm.previewFrame : ""
            cache: false
            fillMode: Image.PreserveAspectFit
            Layout.preferredWidth: 320; Layout.preferredHeight: 240
        }
        Text {
            objectName: "diagnostics.camera"
            text: qsTr("Camera: %1 frames per second, %2 ms from a frame to its verdict\nPhoto checks: %3")
                  .arg(cameraRow.fps).arg(vm.previewLatencyMs)
                  .arg(vm.photoMeasure.length > 0 ? vm.photoMeasure + " — " + vm.photoHint : qsTr("all pass"))
            font.family: Theme.fontFamily; font.pixelSize: Theme.smallSize; color: Theme.text
            wrapMode: Text.WordWrap; Layout.fillWidth: true
        }
    }
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
    // A test read of the document on the reader: the chip's access data (its CAN, or the MRZ data), typed here.
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        TextField {
            id: accessData
            objectName: "diagnostics.access.input"
            Layout.fillWidth: true
            implicitHeight: Theme.minTarget
            font.family: Theme.fontFamily; font.pixelSize: Theme.smallSize
            color: Theme.text; placeholderTextColor: Theme.mutedText
            placeholderText: qsTr("Chip: CAN, or document number,YYMMDD birth,YYMMDD expiry")
            inputMethodHints: Qt.ImhPreferUppercase | Qt.ImhNoPredictiveText | Qt.ImhLatinOnly
        }
        ToolButton {
            objectName: "diagnostics.testReadButton"
            text: qsTr("Test read")
            onClicked: vm.diagnosticsAction("test_read", accessData.text)
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

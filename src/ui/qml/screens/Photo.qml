import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Live, mirrored preview with posture guidance; one button takes the photo.
ScreenFrame {
    id: screen
    title: qsTr("Your photo")
    Body {
        text: qsTr("Look straight at the camera, keep a neutral face with your eyes open, and take off any hat.")
        Layout.fillWidth: true
    }
    Rectangle {  // as large as the screen allows, 4:3
        Layout.alignment: Qt.AlignHCenter
        Layout.fillHeight: true
        Layout.maximumHeight: parent.width * 3 / 4
        Layout.preferredWidth: height * 4 / 3
        color: Theme.surface
        Image {
            objectName: "photo.preview"
            anchors.fill: parent
            fillMode: Image.PreserveAspectFit
            cache: false
            source: vm.previewFrame > 0 ? "image://kiosk/preview/" + vm.previewFrame : ""
            Accessible.name: qsTr("Camera preview")
        }
        Rectangle {  // head guide: where the face should sit
            anchors.centerIn: parent
            width: parent.width * 0.3; height: width * 1.3; radius: width / 2
            color: "transparent"; border.color: Theme.focus; border.width: 4
        }
    }
    Busy { visible: vm.screen === "capturing"; message: qsTr("Hold still…") }
    Body {
        visible: vm.failure.length > 0 && vm.screen === "photo"
        text: qsTr("We could not find a face in the picture. Please stand in front of the camera and try again.")
        color: Theme.danger; Layout.fillWidth: true
    }
    actions: [
        BigButton {
            objectName: "photo.captureButton"
            text: qsTr("Take the photo")
            enabled: vm.screen === "photo"
            Layout.fillWidth: true
            onClicked: vm.send("capture")
        }
    ]
}

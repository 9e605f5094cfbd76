import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Live, mirrored preview with an outline guide. The kiosk checks every frame, says the one thing to fix,
// and counts down 3-2-1 by itself once everything holds; the button takes the photo at once.
ScreenFrame {
    id: screen
    title: qsTr("Your photo")
    Body {
        objectName: "photo.hint"
        text: !vm.cameraOnline ? qsTr("The camera is not working at the moment. Please wait a moment or ask staff.")
              : vm.photoHint.length > 0 ? vm.photoHint
              : vm.countdown > 0 ? qsTr("Hold still…")
              : qsTr("Look straight at the camera, keep a neutral face with your eyes open, and take off any hat.")
        color: !vm.cameraOnline || vm.photoHint.length > 0 ? Theme.danger : Theme.text
        font.bold: vm.photoHint.length > 0
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
            color: "transparent"; border.width: 4
            border.color: vm.photoHint.length > 0 ? Theme.danger : Theme.focus
        }
        Text {
            objectName: "photo.countdown"
            anchors.centerIn: parent
            visible: vm.countdown > 0 && vm.screen === "photo"
            text: vm.countdown
            font.family: Theme.fontFamily; font.pixelSize: 200; font.bold: true
            color: Theme.textOnPrimary; style: Text.Outline; styleColor: Theme.primary
        }
    }
    Busy { visible: vm.screen === "capturing"; message: qsTr("Hold still…") }
    Body {
        objectName: "photo.problem"
        visible: vm.photoProblem.length > 0 && vm.screen === "photo"
        text: qsTr("That photo was not good enough. Please try once more.")
        color: Theme.danger; Layout.fillWidth: true
    }
    actions: [
        BigButton {
            objectName: "photo.backButton"
            visible: !vm.staffHelpOffered  // the row keeps room for the staff button when it is offered
            enabled: vm.screen === "photo"
            primary: false
            text: qsTr("Back")
            onClicked: vm.send("back")
        },
        BigButton {
            objectName: "photo.staffButton"
            visible: vm.staffHelpOffered
            primary: false
            text: qsTr("Ask staff for help")
            onClicked: vm.send("staff_help")
        },
        BigButton {
            objectName: "photo.captureButton"
            text: qsTr("Take the photo")
            enabled: vm.screen === "photo"
            Layout.fillWidth: true
            onClicked: vm.send("capture")
        }
    ]
}

import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The licence photo as it will be printed (never mirrored): keep it or take another.
ScreenFrame {
    title: qsTr("Is this photo all right?")
    Image {
        objectName: "photoReview.photo"
        Layout.alignment: Qt.AlignHCenter
        source: vm.photoSource
        cache: false
        sourceSize.width: 260; sourceSize.height: 378
        fillMode: Image.PreserveAspectFit
        Layout.fillHeight: true
        Layout.maximumHeight: 567
        Layout.preferredHeight: 567
        Layout.preferredWidth: 390
        Accessible.name: qsTr("Your licence photo")
    }
    Body {
        text: qsTr("You can take %n more photo(s).", "", vm.retakesLeft)
        color: Theme.mutedText; Layout.fillWidth: true; horizontalAlignment: Text.AlignHCenter
    }
    Item { Layout.fillHeight: true }
    actions: [
        BigButton {
            objectName: "photoReview.retakeButton"
            text: qsTr("Take again")
            primary: false
            enabled: vm.retakesLeft > 0
            onClicked: vm.send("retake")
        },
        BigButton {
            objectName: "photoReview.acceptButton"
            text: qsTr("Use this photo")
            Layout.fillWidth: true
            onClicked: vm.send("accept_photo")
        }
    ]
}

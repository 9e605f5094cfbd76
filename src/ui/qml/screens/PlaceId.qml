import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Waiting for the ID document on the reader. In demo mode a discreet tray places a persona's card.
ScreenFrame {
    id: screen
    title: qsTr("Place your ID card on the reader")
    Body {
        objectName: "place.problem"
        visible: vm.readProblem.length > 0
        text: vm.readProblem === "CARD_REMOVED" ? qsTr("The card was moved before we finished. Please put it back on the reader.")
              : vm.readProblem === "READER_UNAVAILABLE" ? qsTr("The card reader is not working. Please ask at a service window.")
              : qsTr("We could not read this card. Please put it back on the reader, or ask at a service window.")
        color: Theme.danger; font.bold: true; Layout.fillWidth: true
    }
    Body {
        text: qsTr("Lay the card flat on the reader below the screen and leave it there until we say so.")
        Layout.fillWidth: true
    }
    Rectangle {
        Layout.alignment: Qt.AlignHCenter
        implicitWidth: 520; implicitHeight: 330; radius: 24
        color: Theme.surface; border.color: Theme.primary; border.width: 4
        Accessible.ignored: true
        Text {
            anchors.centerIn: parent
            text: qsTr("ID card")
            font.family: Theme.fontFamily; font.pixelSize: Theme.titleSize; color: Theme.primary
        }
    }
    Item { Layout.fillHeight: true }
    DemoTray { vm: screen.vm; Layout.fillWidth: true }
}

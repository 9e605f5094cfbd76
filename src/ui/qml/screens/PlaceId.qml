import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Waiting for the ID document on the reader. In demo mode a discreet tray places a persona's card.
ScreenFrame {
    id: screen
    title: qsTr("Place your ID card on the reader")
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

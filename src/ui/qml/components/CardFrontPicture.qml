import QtQuick
import ".."

// Where the card access number is: the front of an ID card with its six-digit CAN highlighted.
Rectangle {
    objectName: "cardFrontPicture"  // a picture of the card's print, not text to read
    width: 480; height: 300; radius: 20
    color: Theme.surface; border.color: Theme.mutedText; border.width: 2
    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("The front of the card: the access number is the six digits in the corner")
    Rectangle {  // the holder's photo, as a plain shape
        x: 24; y: 60; width: 130; height: 170; radius: 8
        color: Theme.background; border.color: Theme.mutedText; border.width: 2
    }
    Rectangle {
        anchors { right: parent.right; bottom: parent.bottom; margins: 18 }
        width: 190; height: 64; radius: 8
        color: "transparent"; border.color: Theme.focus; border.width: 5
        Text {
            anchors.centerIn: parent
            text: "CAN 482913"
            font.family: "monospace"; font.pixelSize: 24; color: Theme.text
        }
    }
}

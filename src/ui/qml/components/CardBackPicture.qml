import QtQuick
import ".."

// Where the numbers are: the back of an ID card with its three machine-readable lines highlighted.
Rectangle {
    objectName: "cardBackPicture"  // a picture of the card's print, not text to read
    width: 480; height: 300; radius: 20
    color: Theme.surface; border.color: Theme.mutedText; border.width: 2
    Accessible.role: Accessible.Graphic
    Accessible.name: qsTr("The back of the card: the numbers are in the three lines at the bottom")
    Rectangle {
        anchors { left: parent.left; right: parent.right; bottom: parent.bottom; margins: 18 }
        height: 110; radius: 8
        color: "transparent"; border.color: Theme.focus; border.width: 5
        Column {
            anchors.centerIn: parent
            Repeater {
                model: ["I<CHNE26110113<<<<<<<<<<<<<<<", "8503127M3103128CHN<<<<<<<<<<<", "WANG<<JIANGUO<<<<<<<<<<<<<<<<"]
                delegate: Text {
                    required property string modelData
                    text: modelData
                    font.family: "monospace"; font.pixelSize: 20; color: Theme.text
                }
            }
        }
    }
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ".."

// A labelled, large text field for the card's access data; the in-window keyboard opens on focus.
ColumnLayout {
    property alias label: labelText.text
    property alias hint: field.placeholderText
    property alias text: field.text
    property alias inputMethodHints: field.inputMethodHints
    spacing: 8
    Text {
        id: labelText
        font.family: Theme.fontFamily; font.pixelSize: Theme.smallSize; color: Theme.mutedText
    }
    TextField {
        id: field
        objectName: parent.objectName + ".input"
        Layout.fillWidth: true
        implicitHeight: Theme.targetHeight
        font.family: Theme.fontFamily; font.pixelSize: Theme.titleSize
        color: Theme.text; placeholderTextColor: Theme.mutedText
        maximumLength: 20
        Accessible.name: labelText.text
        onTextChanged: if (text !== text.toUpperCase()) text = text.toUpperCase()
    }
}

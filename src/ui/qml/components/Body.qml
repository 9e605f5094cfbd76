import QtQuick
import ".."

// Body text at the readable size, wrapping within its column.
Text {
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodySize
    color: Theme.text
    wrapMode: Text.WordWrap
    lineHeight: 1.2
}

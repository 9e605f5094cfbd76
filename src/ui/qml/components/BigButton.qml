import QtQuick
import QtQuick.Controls
import ".."

// A large touch target with a stable objectName and an accessible name (its text).
Button {
    id: control
    property bool primary: true
    implicitHeight: Theme.targetHeight
    implicitWidth: Math.max(Theme.minTarget * 3, contentItem.implicitWidth + 64)
    font.family: Theme.fontFamily
    font.pixelSize: Theme.bodySize
    font.bold: primary
    Accessible.name: text
    contentItem: Text {
        text: control.text
        font: control.font
        color: !control.enabled ? Theme.mutedText : control.primary ? Theme.textOnPrimary : Theme.primary
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }
    background: Rectangle {
        radius: Theme.radius
        color: !control.enabled ? Theme.surface : control.primary ? (control.down ? Qt.darker(Theme.primary, 1.2) : Theme.primary) : (control.down ? Theme.surface : Theme.background)
        border.width: control.primary ? 0 : 3
        border.color: Theme.primary
    }
}

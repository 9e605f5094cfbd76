import QtQuick
import QtQuick.Layouts
import ".."

// A boxed paragraph for what the citizen must know before going on: warnings in red, the rest in blue.
Rectangle {
    id: box
    property alias text: noticeText.text
    property bool warning: false
    Layout.fillWidth: true
    implicitHeight: noticeText.implicitHeight + 2 * Theme.spacing
    color: Theme.surface; radius: Theme.radius
    border.color: warning ? Theme.danger : Theme.primary; border.width: 2
    Body {
        id: noticeText
        anchors { fill: parent; margins: Theme.spacing }
        color: box.warning ? Theme.danger : Theme.text
        font.bold: box.warning
    }
}

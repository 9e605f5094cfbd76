import QtQuick
import ".."

// A small, still ≥ minTarget, button of the access bar: outlined, or filled while its mode is on.
Rectangle {
    id: tool
    property alias text: label.text
    property bool checked: false
    signal clicked()
    implicitWidth: Math.max(Theme.minTarget, label.implicitWidth + 40)
    implicitHeight: Theme.minTarget
    radius: Theme.radius
    color: checked ? Theme.primary : Theme.background
    border.color: Theme.primary; border.width: Theme.borderWidth
    Accessible.role: Accessible.Button
    Accessible.name: label.text
    Accessible.checkable: true
    Accessible.checked: checked
    Text {
        id: label
        anchors.centerIn: parent
        font.family: Theme.fontFamily; font.pixelSize: Theme.smallSize; font.bold: tool.checked
        color: tool.checked ? Theme.textOnPrimary : Theme.primary
    }
    MouseArea { anchors.fill: parent; onClicked: tool.clicked() }
}

import QtQuick
import ".."

// Idle safety (DOMAIN.md §11): "do you need more time?" with the seconds left; one touch anywhere continues.
Rectangle {
    id: overlay
    required property var vm
    objectName: "idleWarning"
    anchors.fill: parent
    color: "#cc000000"
    MouseArea { anchors.fill: parent; onClicked: overlay.vm.stillHere() }
    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.contentWidth)
        height: warningColumn.implicitHeight + 2 * Theme.margin
        radius: Theme.radius; color: Theme.background
        Column {
            id: warningColumn
            anchors { fill: parent; margins: Theme.margin }
            spacing: Theme.spacing * 2
            Text {
                width: parent.width
                text: qsTr("Do you need more time?")
                font.family: Theme.fontFamily; font.pixelSize: Theme.titleSize; font.bold: true
                color: Theme.text; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
            }
            Text {
                objectName: "idleWarning.secondsLeft"
                width: parent.width
                text: qsTr("Otherwise we will stop in %1 seconds and forget everything you entered.").arg(overlay.vm.idleWarning)
                font.family: Theme.fontFamily; font.pixelSize: Theme.bodySize
                color: Theme.text; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
            }
            BigButton {
                objectName: "idleWarning.continueButton"
                width: parent.width
                text: qsTr("Yes, continue")
                onClicked: overlay.vm.stillHere()
            }
        }
    }
}

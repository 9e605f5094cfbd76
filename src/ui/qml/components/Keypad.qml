import QtQuick
import QtQuick.Layouts
import ".."

// A 12-key telephone-layout keypad (ADA §707.6): 1–9, erase, 0; keys are 96 px targets.
GridLayout {
    id: pad
    signal digit(string d)
    signal erase()
    columns: 3
    rowSpacing: 12; columnSpacing: 12
    Repeater {
        model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", ""]
        delegate: Rectangle {
            required property string modelData
            objectName: modelData === "⌫" ? "keypad.erase" : "keypad." + modelData
            visible: modelData.length > 0
            implicitWidth: 150; implicitHeight: Math.max(96, Theme.minTarget); radius: Theme.radius
            color: keyArea.pressed ? Theme.surface : Theme.background
            border.color: Theme.primary; border.width: 2
            Accessible.role: Accessible.Button
            Accessible.name: modelData === "⌫" ? qsTr("Erase") : modelData
            Text {
                anchors.centerIn: parent
                text: modelData
                font.family: Theme.fontFamily; font.pixelSize: Theme.titleSize; color: Theme.text
            }
            MouseArea {
                id: keyArea
                anchors.fill: parent
                onClicked: modelData === "⌫" ? pad.erase() : pad.digit(modelData)
            }
        }
    }
}

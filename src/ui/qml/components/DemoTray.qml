import QtQuick
import QtQuick.Layouts
import ".."

// Demo mode only: "place" one of the stub personas' ID cards on the simulated reader.
ColumnLayout {
    property var vm
    visible: vm.demoPersonas.length > 0
    spacing: 8
    Text {
        text: qsTr("Demo: place a card")
        font.family: Theme.fontFamily; font.pixelSize: 22; color: Theme.mutedText
    }
    Flow {
        Layout.fillWidth: true
        spacing: 8
        Repeater {
            model: vm.demoPersonas
            delegate: Rectangle {
                required property var modelData
                objectName: "demo.persona." + modelData.id
                width: personaText.implicitWidth + 24; height: 48; radius: 8
                color: Theme.surface
                Accessible.role: Accessible.Button
                Accessible.name: modelData.id
                Text {
                    id: personaText
                    anchors.centerIn: parent
                    text: modelData.id
                    font.family: Theme.fontFamily; font.pixelSize: 20; color: Theme.mutedText
                }
                MouseArea { anchors.fill: parent; onClicked: vm.placeDemoCard(modelData.id) }
            }
        }
    }
}

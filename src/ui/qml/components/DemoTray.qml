import QtQuick
import QtQuick.Layouts
import ".."

// Demo mode only: "place" one of the stub personas' ID cards on the simulated reader.
// Collapsed to one small button so the demo screen still looks like the real one.
ColumnLayout {
    id: tray
    objectName: "demoTray"  // demo only: the accessibility checks leave it out
    property var vm
    property bool open: false
    visible: vm.demoPersonas.length > 0
    spacing: 8
    Rectangle {
        objectName: "demo.toggle"
        implicitWidth: toggleText.implicitWidth + 32; implicitHeight: 48; radius: 8
        color: Theme.surface
        Accessible.role: Accessible.Button
        Accessible.name: toggleText.text
        Text {
            id: toggleText
            anchors.centerIn: parent
            text: qsTr("Demo: place a card")
            font.family: Theme.fontFamily; font.pixelSize: 22; color: Theme.mutedText
        }
        MouseArea { anchors.fill: parent; onClicked: tray.open = !tray.open }
    }
    Flow {
        visible: tray.open
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

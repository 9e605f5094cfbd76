import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The idle screen: what this kiosk does, and one big way to start; tips take turns below (the attract loop).
Rectangle {
    id: attract
    required property var vm
    color: Theme.primary
    readonly property var tips: [
        qsTr("Renew, replace or transfer your driving licence in a few minutes. Bring your ID card."),
        qsTr("Older or disabled? Touch \"Need help\" for priority service, staff help or a home visit."),
        qsTr("Large text, high contrast and voice guidance are one touch away on every screen.")
    ]
    property int tip: 0
    Component.onCompleted: attract.vm.announce(attract.tips[0])
    HiddenCorner {
        vm: attract.vm
        visible: attract.vm.diagnosticsAvailable
        anchors { left: parent.left; top: parent.top }
    }
    Timer {
        interval: 6000; repeat: true
        running: attract.visible && !attract.vm.voiceOn  // a voice user hears one tip, not a carousel
        onTriggered: attract.tip = (attract.tip + 1) % attract.tips.length
    }
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.margin, Theme.contentWidth)
        spacing: Theme.spacing * 3
        Text {
            text: qsTr("Driving licence self-service")
            font.family: Theme.fontFamily; font.pixelSize: Theme.heroSize; font.bold: true
            color: Theme.textOnPrimary; wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter; Layout.fillWidth: true
        }
        Text {
            objectName: "attract.tip"
            text: attract.tips[attract.tip]
            font.family: Theme.fontFamily; font.pixelSize: Theme.bodySize
            color: Theme.textOnPrimary; wrapMode: Text.WordWrap
            horizontalAlignment: Text.AlignHCenter; Layout.fillWidth: true
        }
        Rectangle {
            objectName: "attract.startButton"
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: 560; implicitHeight: 160; radius: 80
            color: Theme.textOnPrimary
            Accessible.role: Accessible.Button
            Accessible.name: startText.text
            Text {
                id: startText
                anchors.centerIn: parent
                text: qsTr("Touch to start")
                font.family: Theme.fontFamily; font.pixelSize: Theme.titleSize; font.bold: true
                color: Theme.primary
            }
            MouseArea { anchors.fill: parent; onClicked: vm.touch() }
        }
        Rectangle {
            objectName: "attract.helpButton"
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: helpText.implicitWidth + 96; implicitHeight: Theme.targetHeight; radius: Theme.targetHeight / 2
            color: "transparent"; border.color: Theme.textOnPrimary; border.width: 3
            Accessible.role: Accessible.Button
            Accessible.name: helpText.text
            Text {
                id: helpText
                anchors.centerIn: parent
                text: qsTr("Need help? Priority service")
                font.family: Theme.fontFamily; font.pixelSize: Theme.bodySize; font.bold: true
                color: Theme.textOnPrimary
            }
            MouseArea { anchors.fill: parent; onClicked: vm.help() }
        }
        Flow {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacing
            ToolButton {
                objectName: "attract.careButton"
                text: qsTr("Large text")
                checked: attract.vm.careMode
                onClicked: attract.vm.toggleCare()
            }
            ToolButton {
                objectName: "attract.voiceButton"
                visible: attract.vm.voiceAvailable
                text: qsTr("Voice")
                checked: attract.vm.voiceOn
                onClicked: attract.vm.voice("toggle")
            }
        }
        Text {
            text: "中文 · English"
            font.family: Theme.fontFamily; font.pixelSize: Theme.smallSize
            color: Theme.textOnPrimary; Layout.alignment: Qt.AlignHCenter
        }
    }
}

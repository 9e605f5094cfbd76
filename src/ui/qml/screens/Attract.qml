import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The idle screen: what this kiosk does, and one big way to start.
Rectangle {
    required property var vm
    color: Theme.primary
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
            text: qsTr("Renew, replace or transfer your driving licence in a few minutes. Bring your ID card.")
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
        Text {
            text: "中文 · English"
            font.family: Theme.fontFamily; font.pixelSize: Theme.smallSize
            color: Theme.textOnPrimary; Layout.alignment: Qt.AlignHCenter
        }
    }
}

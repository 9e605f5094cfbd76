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
        Text {
            text: "中文 · English"
            font.family: Theme.fontFamily; font.pixelSize: Theme.smallSize
            color: Theme.textOnPrimary; Layout.alignment: Qt.AlignHCenter
        }
    }
}

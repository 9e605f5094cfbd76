import QtQuick
import ".."

// 中文 / English; each label is written in its own language so everyone can find theirs.
Row {
    property var vm
    spacing: 12
    Repeater {
        model: [{ code: "zh", label: "中文" }, { code: "en", label: "English" }]
        delegate: Rectangle {
            required property var modelData
            objectName: "language." + modelData.code
            width: 150; height: Theme.minTarget; radius: Theme.radius
            color: vm.language === modelData.code ? Theme.textOnPrimary : "transparent"
            border.color: Theme.textOnPrimary; border.width: 2
            Accessible.role: Accessible.Button
            Accessible.name: modelData.label
            Text {
                anchors.centerIn: parent
                text: modelData.label
                font.family: Theme.fontFamily; font.pixelSize: Theme.smallSize
                color: vm.language === modelData.code ? Theme.primary : Theme.textOnPrimary
            }
            MouseArea { anchors.fill: parent; onClicked: vm.chooseLanguage(modelData.code) }
        }
    }
}

import QtQuick
import QtQuick.Layouts
import ".."

// The action row of a service step: Back (to the previous step) and one main button.
RowLayout {
    id: row
    required property var vm
    property alias mainText: mainButton.text
    property alias mainName: mainButton.objectName
    property alias mainEnabled: mainButton.enabled
    signal activated()
    spacing: Theme.spacing
    Layout.fillWidth: true
    BigButton {
        objectName: "step.backButton"
        text: qsTr("Back"); primary: false
        onClicked: row.vm.send("back")
    }
    BigButton {
        id: mainButton
        Layout.fillWidth: true
        onClicked: row.activated()
    }
}

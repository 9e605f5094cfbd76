import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ".."

// A wait the citizen can see: a spinner and what is happening.
ColumnLayout {
    property alias message: messageText.text
    spacing: Theme.spacing * 2
    Layout.fillWidth: true
    BusyIndicator { running: true; Layout.alignment: Qt.AlignHCenter; implicitWidth: 160; implicitHeight: 160 }
    Body { id: messageText; horizontalAlignment: Text.AlignHCenter; Layout.fillWidth: true }
}

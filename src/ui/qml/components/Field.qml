import QtQuick
import QtQuick.Layouts
import ".."

// One labelled value on a record card.
RowLayout {
    property alias label: labelText.text
    property alias value: valueText.text
    spacing: Theme.spacing
    Layout.fillWidth: true
    Body { id: labelText; color: Theme.mutedText; Layout.preferredWidth: 320 }
    Body { id: valueText; font.bold: true; Layout.fillWidth: true }
}

import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

ScreenFrame {
    title: qsTr("Reading your card")
    Busy { message: qsTr("Please leave the card on the reader.") }
    Item { Layout.fillHeight: true }
}

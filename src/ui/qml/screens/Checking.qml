import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

ScreenFrame {
    title: qsTr("Checking your licence")
    Busy { message: qsTr("Your ID card has been read. We are looking up your licence; this takes a few seconds.") }
    Item { Layout.fillHeight: true }
}

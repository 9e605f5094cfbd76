import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

ScreenFrame {
    title: qsTr("Submitting your application")
    showCancel: false
    Busy { message: qsTr("Please wait and keep your ID card with you.") }
    Item { Layout.fillHeight: true }
}

import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// How the new card reaches the citizen, and a phone number for the courier or the office.
// Portrait: one column; landscape: the keypad sits beside the choices.
ScreenFrame {
    id: screen
    title: qsTr("How would you like to receive your new licence?")
    property string method: "post"
    property string phone: vm.phone
    GridLayout {
        Layout.fillWidth: true
        columns: screen.landscape ? 2 : 1
        columnSpacing: Theme.margin
        rowSpacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                BigButton {
                    objectName: "delivery.postButton"
                    text: qsTr("By post to my registered address")
                    primary: screen.method === "post"
                    Layout.fillWidth: true; Layout.preferredWidth: 1
                    onClicked: screen.method = "post"
                }
                BigButton {
                    objectName: "delivery.collectButton"
                    text: qsTr("Collect at this office")
                    primary: screen.method === "collect"
                    Layout.fillWidth: true; Layout.preferredWidth: 1
                    onClicked: screen.method = "collect"
                }
            }
            Body {
                visible: screen.method === "post"
                text: vm.address.length > 0 ? qsTr("Address: %1").arg(vm.address) : qsTr("The address on your ID card is used.")
                Layout.fillWidth: true
            }
            Body { text: qsTr("Mobile phone number"); color: Theme.mutedText }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: 96; radius: Theme.radius
                color: Theme.surface; border.color: Theme.primary; border.width: 2
                Text {
                    objectName: "delivery.phone"
                    anchors.centerIn: parent
                    text: screen.phone.length > 0 ? screen.phone : qsTr("Enter 11 digits")
                    font.family: Theme.fontFamily; font.pixelSize: Theme.titleSize
                    color: screen.phone.length > 0 ? Theme.text : Theme.mutedText
                    Accessible.name: qsTr("Mobile phone number")
                }
            }
        }
        Keypad {
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
            onDigit: (d) => { if (screen.phone.length < 11) screen.phone += d }
            onErase: screen.phone = screen.phone.slice(0, -1)
        }
    }
    Item { Layout.fillHeight: true }
    actions: [
        BigButton {
            objectName: "delivery.backButton"
            text: qsTr("Back"); primary: false
            onClicked: vm.send("back")
        },
        BigButton {
            objectName: "delivery.continueButton"
            text: qsTr("Continue")
            enabled: /^1\d{10}$/.test(screen.phone)
            Layout.fillWidth: true
            onClicked: vm.chooseDelivery(screen.method, screen.phone)
        }
    ]
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ".."
import "../components"

// How the new card reaches the citizen: by post (to the registered address or one typed here, in
// pinyin on the in-window keyboard) or collected at the office; and a mobile number for the courier.
// Portrait: one column; landscape: the keypad sits beside the choices.
ScreenFrame {
    id: screen
    title: qsTr("How would you like to receive your new licence?")
    property string method: "post"
    property bool newAddress: vm.address.length === 0
    property string phone: vm.phone
    readonly property string typedAddress: addressField.text.trim()
    wantsKeyboard: method === "post" && newAddress
    readonly property bool addressOk: method !== "post" || !newAddress || typedAddress.length >= 6
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
                    text: qsTr("By post")
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
            RowLayout {
                visible: screen.method === "post" && vm.address.length > 0
                Layout.fillWidth: true
                spacing: Theme.spacing
                BigButton {
                    objectName: "delivery.registeredAddressButton"
                    text: qsTr("Registered address")
                    primary: !screen.newAddress
                    Layout.fillWidth: true; Layout.preferredWidth: 1
                    onClicked: screen.newAddress = false
                }
                BigButton {
                    objectName: "delivery.newAddressButton"
                    text: qsTr("Another address")
                    primary: screen.newAddress
                    Layout.fillWidth: true; Layout.preferredWidth: 1
                    onClicked: { screen.newAddress = true; addressField.forceActiveFocus() }
                }
            }
            Body {
                objectName: "delivery.registeredAddress"
                visible: screen.method === "post" && !screen.newAddress
                text: qsTr("Address: %1").arg(vm.address)
                Layout.fillWidth: true
            }
            TextField {
                id: addressField
                objectName: "delivery.address.input"
                visible: screen.method === "post" && screen.newAddress
                Layout.fillWidth: true
                implicitHeight: Theme.targetHeight
                font.family: Theme.fontFamily; font.pixelSize: Theme.bodySize
                color: Theme.text; placeholderTextColor: Theme.mutedText
                placeholderText: qsTr("Province, city, district, street and number")
                maximumLength: 200
                Accessible.name: qsTr("Postal address")
            }
            // While the keyboard is up for the address, the phone (typed on the keypad) makes room for it.
            Body { text: qsTr("Mobile phone number"); color: Theme.mutedText; visible: !Qt.inputMethod.visible }
            Rectangle {
                visible: !Qt.inputMethod.visible
                Layout.fillWidth: true
                implicitHeight: Theme.targetHeight; radius: Theme.radius
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
            Body {
                objectName: "delivery.phoneHint"
                visible: screen.phone.length > 0 && !/^1\d{10}$/.test(screen.phone) && !Qt.inputMethod.visible
                text: qsTr("A mobile number has 11 digits and starts with 1.")
                color: Theme.danger; Layout.fillWidth: true
            }
        }
        Keypad {
            visible: !Qt.inputMethod.visible  // the keyboard is up for the address: one input at a time
            Layout.alignment: Qt.AlignHCenter | Qt.AlignTop
            onDigit: (d) => { addressField.focus = false; if (screen.phone.length < 11) screen.phone += d }
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
            enabled: /^1\d{10}$/.test(screen.phone) && screen.addressOk
            Layout.fillWidth: true
            onClicked: vm.deliverTo(screen.method, screen.phone, screen.method === "post" && screen.newAddress ? screen.typedAddress : "")
        }
    ]
}

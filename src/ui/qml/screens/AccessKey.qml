import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ".."
import "../components"

// The chip opens only with data printed on the card: the citizen types it, with a picture of where it is.
// The six-digit card access number (CAN, PACE) is the short way and comes first; the numbers of the
// machine-readable lines (document number and two dates) open every chip, passports included.
ScreenFrame {
    id: screen
    title: useCan ? qsTr("Enter the access number from your card") : qsTr("Enter the numbers from your card")
    wantsKeyboard: true
    property bool useCan: vm.typedAccess.length !== 3  // what was typed before a failed read stays chosen
    readonly property bool valid: useCan ? /^\d{6}$/.test(can.text)
                                         : /^[A-Z0-9<]{1,20}$/.test(documentNumber.text)
                                           && /^\d{6}$/.test(birthDate.text) && /^\d{6}$/.test(expiryDate.text)
    Body {
        objectName: "access.problem"
        visible: vm.readProblem === "ACCESS_DENIED"
        text: screen.useCan ? qsTr("The card did not accept this number. Please check the six digits on the front of the card.")
                            : qsTr("The card did not accept these numbers. Please check them against the bottom lines of the card's back.")
        color: Theme.danger; font.bold: true; Layout.fillWidth: true
    }
    CardFrontPicture { Layout.alignment: Qt.AlignHCenter; visible: screen.useCan && !Qt.inputMethod.visible }
    CardBackPicture { Layout.alignment: Qt.AlignHCenter; visible: !screen.useCan && !Qt.inputMethod.visible }
    AccessField {
        id: can
        objectName: "access.can"
        visible: screen.useCan
        label: qsTr("Card access number (CAN)")
        hint: qsTr("6 digits")
        inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhNoPredictiveText
        text: vm.typedAccess.length === 1 ? vm.typedAccess[0] : ""
        Layout.fillWidth: true
    }
    AccessField {
        id: documentNumber
        objectName: "access.documentNumber"
        visible: !screen.useCan
        label: qsTr("Document number")
        hint: qsTr("9 letters or digits")
        inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase | Qt.ImhLatinOnly
        text: vm.typedAccess.length === 3 ? vm.typedAccess[0] : ""
        Layout.fillWidth: true
    }
    AccessField {
        id: birthDate
        objectName: "access.birthDate"
        visible: !screen.useCan
        label: qsTr("Date of birth (YYMMDD)")
        hint: qsTr("e.g. 850312")
        inputMethodHints: Qt.ImhDigitsOnly
        text: vm.typedAccess.length === 3 ? vm.typedAccess[1] : ""
        Layout.fillWidth: true
    }
    AccessField {
        id: expiryDate
        objectName: "access.expiryDate"
        visible: !screen.useCan
        label: qsTr("Date of expiry (YYMMDD)")
        hint: qsTr("e.g. 310312")
        inputMethodHints: Qt.ImhDigitsOnly
        text: vm.typedAccess.length === 3 ? vm.typedAccess[2] : ""
        Layout.fillWidth: true
    }
    BigButton {
        objectName: "access.switchButton"
        primary: false
        visible: !Qt.inputMethod.visible
        text: screen.useCan ? qsTr("No access number? Use the bottom lines") : qsTr("Use the 6-digit access number")
        Layout.fillWidth: true
        onClicked: screen.useCan = !screen.useCan
    }
    Item { Layout.fillHeight: true }
    actions: [
        BigButton {
            objectName: "access.continueButton"
            text: qsTr("Open the card")
            enabled: screen.valid
            Layout.fillWidth: true
            onClicked: screen.useCan ? vm.enterCan(can.text)
                                     : vm.enterAccessKey(documentNumber.text, birthDate.text, expiryDate.text)
        }
    ]
}

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import ".."
import "../components"

// The chip opens only with data printed on the card: the citizen types it, with a picture of where it is.
ScreenFrame {
    id: screen
    title: qsTr("Enter the numbers from your card")
    wantsKeyboard: true
    readonly property bool valid: /^[A-Z0-9<]{1,20}$/.test(documentNumber.text)
                                  && /^\d{6}$/.test(birthDate.text) && /^\d{6}$/.test(expiryDate.text)
    Body {
        objectName: "access.problem"
        visible: vm.readProblem === "ACCESS_DENIED"
        text: qsTr("The card did not accept these numbers. Please check them against the bottom lines of the card's back.")
        color: Theme.danger; font.bold: true; Layout.fillWidth: true
    }
    CardBackPicture { Layout.alignment: Qt.AlignHCenter; visible: !Qt.inputMethod.visible }
    AccessField {
        id: documentNumber
        objectName: "access.documentNumber"
        label: qsTr("Document number")
        hint: qsTr("9 letters or digits")
        inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText | Qt.ImhPreferUppercase | Qt.ImhLatinOnly
        text: vm.typedAccess.length === 3 ? vm.typedAccess[0] : ""
        Layout.fillWidth: true
    }
    AccessField {
        id: birthDate
        objectName: "access.birthDate"
        label: qsTr("Date of birth (YYMMDD)")
        hint: qsTr("e.g. 850312")
        inputMethodHints: Qt.ImhDigitsOnly
        text: vm.typedAccess.length === 3 ? vm.typedAccess[1] : ""
        Layout.fillWidth: true
    }
    AccessField {
        id: expiryDate
        objectName: "access.expiryDate"
        label: qsTr("Date of expiry (YYMMDD)")
        hint: qsTr("e.g. 310312")
        inputMethodHints: Qt.ImhDigitsOnly
        text: vm.typedAccess.length === 3 ? vm.typedAccess[2] : ""
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }
    actions: [
        BigButton {
            objectName: "access.continueButton"
            text: qsTr("Open the card")
            enabled: screen.valid
            Layout.fillWidth: true
            onClicked: vm.enterAccessKey(documentNumber.text, birthDate.text, expiryDate.text)
        }
    ]
}

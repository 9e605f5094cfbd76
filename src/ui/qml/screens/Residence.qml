import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Transfer-in (and any service for a licence issued elsewhere, Art. 70): where the licence comes
// from, and why the citizen applies here (Art. 64).
ScreenFrame {
    id: screen
    title: qsTr("Where you live")
    Field { objectName: "residence.issuingOffice"; label: qsTr("Issued by office"); value: vm.issuingOffice }
    Notice {
        objectName: "residence.treatedAsTransferIn"
        visible: vm.elsewhere && vm.service !== "transfer-in"
        text: qsTr("Your licence was issued by another office, so this application also transfers it to this office.")
    }
    Body { text: qsTr("Why are you applying at this office?"); font.bold: true; Layout.fillWidth: true }
    BigButton {
        objectName: "residence.householdButton"
        text: qsTr("My household registration (hukou) has moved here")
        Layout.fillWidth: true
        onClicked: vm.declare("RESIDENCE_HOUSEHOLD")
    }
    BigButton {
        objectName: "residence.livingButton"
        text: qsTr("I live in this area")
        Layout.fillWidth: true
        onClicked: vm.declare("RESIDENCE_LIVING")
    }
    Item { Layout.fillHeight: true }
    actions: [
        BigButton {
            objectName: "step.backButton"
            text: qsTr("Back"); primary: false
            onClicked: vm.send("back")
        }
    ]
}

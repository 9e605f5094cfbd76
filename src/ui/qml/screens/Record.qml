import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The licence on record and the good news: this service can be done here, with any notices.
ScreenFrame {
    title: qsTr("Your licence")
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: fields.implicitHeight + 2 * Theme.spacing
        color: Theme.surface; radius: Theme.radius
        ColumnLayout {
            id: fields
            anchors { fill: parent; margins: Theme.spacing }
            Field { label: qsTr("Holder"); value: vm.holderName }
            Field { label: qsTr("Licence number"); value: vm.licenceNumber }
            Field { label: qsTr("Classes"); value: vm.licenceClasses }
            Field { label: qsTr("Valid until"); value: vm.validUntil || qsTr("no time limit") }
            Field { label: qsTr("Issued by office"); value: vm.issuingOffice }
        }
    }
    Body {
        objectName: "record.verdict"
        text: Texts.canDo(vm.service).arg(vm.feeCny)
        color: Theme.success; font.bold: true; Layout.fillWidth: true
    }
    Repeater {
        model: vm.notices
        delegate: Body { required property string modelData; text: "• " + Texts.notice(modelData); Layout.fillWidth: true }
    }
    Body {
        visible: vm.newValidUntil.length > 0 || vm.newTerm === "long"
        text: qsTr("New validity: %1").arg(vm.newTerm === "long" ? Texts.term("long") : qsTr("until %1").arg(vm.newValidUntil))
        Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }
    actions: [
        BigButton {
            objectName: "record.continueButton"
            text: qsTr("Continue")
            Layout.fillWidth: true
            onClicked: vm.send("proceed")
        }
    ]
}

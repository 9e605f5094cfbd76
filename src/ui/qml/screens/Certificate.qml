import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Renewal: the physical-condition certificate a networked hospital filed (Art. 63, valid 6 months).
ScreenFrame {
    id: screen
    title: qsTr("Your physical-condition certificate")
    Rectangle {
        visible: vm.certificateIssued.length > 0
        Layout.fillWidth: true
        implicitHeight: found.implicitHeight + 2 * Theme.spacing
        color: Theme.surface; radius: Theme.radius
        ColumnLayout {
            id: found
            anchors { fill: parent; margins: Theme.spacing }
            Body { text: qsTr("Found online: a networked hospital sent us your certificate."); font.bold: true; color: Theme.success; Layout.fillWidth: true }
            Field { label: qsTr("Examined on"); value: vm.certificateIssued }
            Field { label: qsTr("Valid until"); value: vm.certificateValidUntil }
            Field { objectName: "certificate.result"; label: qsTr("Result"); value: vm.certificateFit ? qsTr("Fit to drive") : qsTr("Not fit to drive") }
        }
    }
    Body {
        visible: vm.certificateIssued.length > 0
        text: qsTr("You do not need to bring a paper certificate.")
        Layout.fillWidth: true
    }
    Notice {
        objectName: "certificate.missing"
        visible: vm.certificateIssued.length === 0
        text: qsTr("No certificate was found online. If you had a check-up in the last 6 months at a hospital that is not connected, please bring the paper certificate to window %1.").arg(vm.serviceWindow)
        warning: true
    }
    Item { Layout.fillHeight: true }
    actions: [
        StepActions {
            vm: screen.vm
            mainName: "certificate.continueButton"
            mainText: qsTr("Continue")
            onActivated: vm.send("proceed")
        }
    ]
}

import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Renewal: the new licence's term (Art. 62), any class change for age (Art. 65) and, for a licence
// that has already expired, the rule that it must not be driven on until the new card arrives.
ScreenFrame {
    id: screen
    title: qsTr("Your new licence")
    Rectangle {
        Layout.fillWidth: true
        implicitHeight: terms.implicitHeight + 2 * Theme.spacing
        color: Theme.surface; radius: Theme.radius
        ColumnLayout {
            id: terms
            anchors { fill: parent; margins: Theme.spacing }
            Field { objectName: "newTerm.term"; label: qsTr("Validity"); value: vm.newTerm.length > 0 ? Texts.term(vm.newTerm) : Texts.term(vm.term) }
            Field { visible: vm.newValidFrom.length > 0; label: qsTr("Valid from"); value: vm.newValidFrom }
            Field { visible: vm.newTerm !== "long"; label: qsTr("Valid until"); value: vm.newValidUntil }
            Field { objectName: "newTerm.classes"; label: qsTr("Classes"); value: vm.newClasses.length > 0 ? vm.newClasses : vm.licenceClasses }
        }
    }
    Body {
        text: qsTr("The new term starts the day after your current licence ends, so renewing early loses nothing.")
        color: Theme.mutedText; Layout.fillWidth: true
    }
    Notice {
        objectName: "newTerm.downgrade"
        visible: vm.notices.indexOf("CLASS_DOWNGRADE_AGE") >= 0
        text: qsTr("Because of your age, classes %1 become %2. Drivers over 60 may no longer drive large passenger or goods vehicles, and over 70 no longer some small vehicles and motorcycles.").arg(vm.licenceClasses).arg(vm.newClasses)
    }
    Notice {
        objectName: "newTerm.late"
        visible: vm.notices.indexOf("LATE_RENEWAL") >= 0
        text: qsTr("Your licence has expired. Do not drive until you have your new licence.")
        warning: true
    }
    Notice {
        visible: vm.elsewhere
        text: Texts.notice("TREATED_AS_TRANSFER_IN")
    }
    Item { Layout.fillHeight: true }
    actions: [
        StepActions {
            vm: screen.vm
            mainName: "newTerm.continueButton"
            mainText: qsTr("Continue")
            onActivated: vm.send("proceed")
        }
    ]
}

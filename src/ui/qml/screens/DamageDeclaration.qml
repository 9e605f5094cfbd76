import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Damaged-card replacement: the citizen declares the card is damaged, and learns what becomes of it.
ScreenFrame {
    id: screen
    title: qsTr("Declaration: damaged licence")
    Body { text: qsTr("I declare that my driving licence is damaged and can no longer be read."); font.bold: true; Layout.fillWidth: true }
    Notice {
        objectName: "damage.oldCard"
        text: qsTr("Your damaged card stops being valid once the new one is issued. Please put it into the collection box next to this kiosk, or hand it in at window %1; it will be destroyed.").arg(vm.serviceWindow)
    }
    Notice { text: Texts.falseStatement(); warning: true }
    Item { Layout.fillHeight: true }
    actions: [
        StepActions {
            vm: screen.vm
            mainName: "damage.declareButton"
            mainText: qsTr("I declare this is true")
            onActivated: vm.declare("DAMAGE_DECLARED")
        }
    ]
}

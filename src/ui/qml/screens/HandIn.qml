import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Transfer-in: the old licence is collected (Art. 68).
ScreenFrame {
    id: screen
    title: qsTr("Hand in your old licence")
    Body {
        text: qsTr("A transferred licence is replaced by a new card from this office, and the old card is collected.")
        Layout.fillWidth: true
    }
    Notice {
        objectName: "handIn.where"
        text: qsTr("Please put your old licence into the collection box next to this kiosk, or hand it in at window %1.").arg(vm.serviceWindow)
    }
    Item { Layout.fillHeight: true }
    actions: [
        StepActions {
            vm: screen.vm
            mainName: "handIn.declareButton"
            mainText: qsTr("I have handed in my old licence")
            onActivated: vm.declare("OLD_CARD_HANDED_IN")
        }
    ]
}

import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Lost-card reissue: the loss declaration, and the old card becomes void (Art. 98).
ScreenFrame {
    id: screen
    title: qsTr("Declaration: lost licence")
    Body { text: qsTr("I declare that my driving licence is lost."); font.bold: true; Layout.fillWidth: true }
    Notice {
        objectName: "loss.voidWarning"
        text: qsTr("From now on your old licence is void. If you find it, do not use it: driving with a void licence is fined 20 to 200 yuan and the card is taken away.")
        warning: true
    }
    Notice {
        text: qsTr("A licence that is suspended or held by the police cannot be reissued. Declaring it lost to hide that is fined 200 to 500 yuan.")
    }
    Notice { text: Texts.falseStatement(); warning: true }
    Item { Layout.fillHeight: true }
    actions: [
        StepActions {
            vm: screen.vm
            mainName: "loss.declareButton"
            mainText: qsTr("I declare this is true")
            onActivated: vm.declare("LOSS_DECLARED")
        }
    ]
}

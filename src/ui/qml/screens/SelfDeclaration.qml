import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Transfer-in: the self-declared physical condition (Art. 64; the conditions of Art. 14 and 15).
// A condition that is not met sends the citizen to a staffed window, never a refusal by the machine.
ScreenFrame {
    id: screen
    title: qsTr("Your physical condition")
    Body { text: qsTr("Please confirm that all of this is true for you:"); Layout.fillWidth: true }
    Repeater {
        model: [
            qsTr("I can see well enough to drive (vision 4.9 or better; 5.0 for large vehicles), with glasses if I need them."),
            qsTr("I can tell red from green."),
            qsTr("I can hear well enough to tell where a sound comes from, with a hearing aid if I need one."),
            qsTr("My arms and legs let me drive the vehicles of my licence classes."),
            qsTr("I have none of the illnesses that bar driving, such as epilepsy, certain heart or mental illnesses, or drug dependence.")
        ]
        delegate: Body { required property string modelData; text: "• " + modelData; Layout.fillWidth: true }
    }
    Notice { text: Texts.falseStatement(); warning: true }
    BigButton {
        objectName: "selfDeclaration.unfitButton"
        text: qsTr("Not all of this is true for me")
        primary: false
        Layout.fillWidth: true
        onClicked: vm.send("declare_unfit")
    }
    Item { Layout.fillHeight: true }
    actions: [
        StepActions {
            vm: screen.vm
            mainName: "selfDeclaration.fitButton"
            mainText: qsTr("All of this is true")
            onActivated: vm.declare("PHYSICAL_CONDITION_FIT")
        }
    ]
}

import QtQuick
import QtQuick.Window
import "."

// The kiosk window: shows the screen the kiosk is on. No logic here beyond picking the file.
Window {
    id: root
    required property var vm
    width: 1080
    height: 1920
    visible: true
    color: Theme.background
    title: qsTr("Driving licence self-service")
    // Kiosk mode (kiosk/lockdown.py): the window cannot be closed from outside (Alt+F4, the window manager).
    property bool locked: false
    onClosing: (close) => { close.accepted = !root.locked }

    readonly property var screenFiles: ({
        "attract": "Attract", "menu": "Menu", "place_id": "PlaceId", "access_key": "AccessKey",
        "reading": "Reading", "checking": "Checking",
        "record": "Record", "refused": "Refused", "photo": "Photo", "capturing": "Photo",
        "photo_review": "PhotoReview", "delivery": "Delivery", "review": "Review",
        "paying": "Paying", "unpaid": "Unpaid",
        "submitting": "Submitting", "done": "Done", "failed": "Failed",
        "certificate": "Certificate", "new_term": "NewTerm", "damage_declaration": "DamageDeclaration",
        "loss_declaration": "LossDeclaration", "residence": "Residence", "self_declaration": "SelfDeclaration",
        "hand_in": "HandIn", "referral": "Referral", "help": "Help", "help_sent": "HelpSent",
        "out_of_service": "OutOfService", "diagnostics_pin": "DiagnosticsPin", "diagnostics": "Diagnostics"
    })

    function show(screen) {
        const file = screenFiles[screen] || "Failed"
        if (loader.file !== file) {
            loader.file = file
            loader.setSource("screens/" + file + ".qml", { "vm": root.vm })
        }
    }

    Loader {
        id: loader
        objectName: "screenLoader"
        property string file: ""
        anchors.fill: parent
        focus: true
    }
    // The in-window keyboard (Qt Virtual Keyboard), loaded only while the screen has a text field to fill
    // (its `wantsKeyboard`): loading it costs ~80 ms, and pinyin more, which no other screen should pay.
    Loader {
        objectName: "keyboardLoader"
        z: 100
        // Landscape: a keyboard as wide as the screen would be too tall (its height follows its width), so it
        // docks at the bottom right and the screen's column moves beside it (ScreenFrame.qml); the kiosk
        // style (keyboard/…/Styles/kiosk) gives care mode larger keys, in a 1080 × 432 px keyboard.
        readonly property bool landscape: root.width > root.height
        width: Theme.keyboardWidth(root.width, root.height)
        x: landscape ? root.width - width : (root.width - width) / 2
        anchors.bottom: parent.bottom
        active: loader.item !== null && loader.item.wantsKeyboard === true
        Component.onCompleted: setSource("components/Keyboard.qml", { "vm": root.vm })
    }
    // Care mode (关怀模式) is the citizen's choice, on every screen: the whole theme follows it.
    Binding { target: Theme; property: "care"; value: root.vm.careMode }
    Connections {
        target: root.vm
        function onScreenChanged(screen) { root.show(screen) }
    }
    // Idle safety: "do you need more time?" over the screen, loaded only while it is asked.
    Loader {
        objectName: "idleWarningLoader"
        z: 200
        anchors.fill: parent
        active: root.vm.idleWarning > 0
        Component.onCompleted: setSource("components/IdleWarning.qml", { "vm": root.vm })
    }
    Component.onCompleted: show(vm.screen)
}

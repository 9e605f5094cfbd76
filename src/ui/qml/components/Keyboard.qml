import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

// Rises over the bottom of the screen while a text field has focus.
InputPanel {
    id: keyboard
    objectName: "keyboard"
    visible: active
    required property var vm
    // Chinese text (a new postal address) is typed in pinyin; fields that take Latin letters or digits
    // say so with their input method hints, and the keyboard follows.
    readonly property string language: vm.language
    onLanguageChanged: VirtualKeyboardSettings.locale = language === "zh" ? "zh_CN" : "en_US"
    Component.onCompleted: {
        // What the keyboard learns stays in the kiosk's private folder (kiosk/app.py) and is reset when
        // the keyboard goes, for the input methods that honour the reset.
        VirtualKeyboardSettings.userDataPath = vm.keyboardDataPath
        // The kiosk's style (keyboard/QtQuick/VirtualKeyboard/Styles/kiosk): larger keys in care mode.
        VirtualKeyboardSettings.styleName = "kiosk"
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
        VirtualKeyboardSettings.locale = language === "zh" ? "zh_CN" : "en_US"
    }
    Component.onDestruction: VirtualKeyboardSettings.userDataReset()
}

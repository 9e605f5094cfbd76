import QtQuick
import QtQuick.VirtualKeyboard

// Rises over the bottom of the screen while a text field has focus.
InputPanel {
    id: keyboard
    objectName: "keyboard"
    visible: active
}

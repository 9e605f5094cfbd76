import QtQuick
import QtQuick.Layouts
import ".."

// Every screen's frame: header (service, language), title, content, and the action row at the bottom,
// within the reach band and never wider than a readable column (works in portrait and landscape).
Item {
    id: frame
    required property var vm
    property string title
    property bool showCancel: true
    property bool wantsKeyboard: false  // a text field is on screen: Main.qml loads the in-window keyboard
    // What voice guidance says on entry (and again when it changes, e.g. in the other language).
    // Care mode adds one sentence in plain words of what to do now, shown first and said first.
    readonly property string simple: Theme.care ? Texts.simple(vm.screen) : ""
    property string spoken: simple.length > 0 ? simple + " " + title : title
    onSpokenChanged: vm.announce(spoken)
    Component.onCompleted: vm.announce(spoken)
    default property alias content: body.data
    property alias actions: actionRow.data
    // Landscape screens (1920 × 1080) get less air between blocks and a wider column for two-column steps.
    readonly property bool landscape: width > height

    Rectangle {
        id: header
        anchors { left: parent.left; right: parent.right; top: parent.top }
        height: frame.landscape ? 88 : 112
        color: Theme.primary
        Text {
            anchors { left: parent.left; leftMargin: Theme.margin; verticalCenter: parent.verticalCenter }
            text: qsTr("Driving licence self-service")
            font.family: Theme.fontFamily; font.pixelSize: Theme.bodySize; font.bold: true
            color: Theme.textOnPrimary
        }
        LanguageSwitch {
            vm: frame.vm
            anchors { right: parent.right; rightMargin: Theme.margin; verticalCenter: parent.verticalCenter }
        }
    }

    AccessBar {
        id: accessBar
        vm: frame.vm
        anchors { left: parent.left; right: parent.right; top: header.bottom }
    }

    // In landscape the keyboard docks at the bottom right (Main.qml) and the column moves to its left.
    readonly property bool besideKeyboard: landscape && Qt.inputMethod.visible

    ColumnLayout {
        objectName: "screen.column"
        // Centred, or at the left beside the keyboard (no anchor is switched: a width once set by anchors
        // would outlive them).
        anchors { top: accessBar.bottom; bottom: parent.bottom; left: parent.left }
        anchors.leftMargin: frame.besideKeyboard ? Theme.margin : (parent.width - width) / 2
        anchors.topMargin: frame.landscape ? Theme.spacing : Theme.margin
        // While the in-window keyboard is up in portrait, the screen's actions stay above it.
        anchors.bottomMargin: (frame.landscape ? Theme.spacing : Theme.margin)
                              + (Qt.inputMethod.visible && !frame.besideKeyboard
                                 ? Qt.inputMethod.keyboardRectangle.height : 0)
        width: frame.besideKeyboard
               ? parent.width - Theme.keyboardWidth(frame.width, frame.height) - 3 * Theme.margin
               : Math.min(parent.width - 2 * Theme.margin, frame.landscape ? Theme.wideContentWidth : Theme.contentWidth)
        // Portrait gets more air, except while the keyboard is up (it takes 432 px in care mode).
        spacing: frame.landscape || Qt.inputMethod.visible ? Theme.spacing : Theme.spacing * 2

        // Beside the keyboard (landscape) the column is narrow: the field's own label says what to type.
        Text {
            objectName: "screen.simple"
            visible: frame.simple.length > 0 && !frame.besideKeyboard
            text: frame.simple
            font.family: Theme.fontFamily; font.pixelSize: Theme.titleSize; font.bold: true
            color: Theme.primary
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            objectName: "screen.title"
            text: frame.title
            visible: text.length > 0 && !frame.besideKeyboard
            font.family: Theme.fontFamily; font.pixelSize: Theme.titleSize; font.bold: true
            color: Theme.text
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
            Accessible.role: Accessible.Heading
            Accessible.name: text
        }
        ColumnLayout {
            id: body
            spacing: Theme.spacing
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        GridLayout {  // one row; two columns in the narrow column beside a landscape keyboard
            id: actionRow
            columns: frame.besideKeyboard ? 2 : 8
            columnSpacing: Theme.spacing; rowSpacing: Theme.spacing
            Layout.fillWidth: true
            BigButton {
                objectName: "frame.cancelButton"
                visible: frame.showCancel
                primary: false
                text: qsTr("Cancel")
                onClicked: frame.vm.send("cancel")
            }
        }
    }
}

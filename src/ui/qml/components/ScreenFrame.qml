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

    ColumnLayout {
        anchors { top: accessBar.bottom; bottom: parent.bottom; horizontalCenter: parent.horizontalCenter }
        anchors.topMargin: frame.landscape ? Theme.spacing : Theme.margin
        // While the in-window keyboard is up, the screen's actions stay above it.
        anchors.bottomMargin: (frame.landscape ? Theme.spacing : Theme.margin)
                              + (Qt.inputMethod.visible ? Qt.inputMethod.keyboardRectangle.height : 0)
        width: Math.min(parent.width - 2 * Theme.margin, frame.landscape ? Theme.wideContentWidth : Theme.contentWidth)
        // Portrait gets more air, except while the keyboard is up (it takes 432 px in care mode).
        spacing: frame.landscape || Qt.inputMethod.visible ? Theme.spacing : Theme.spacing * 2

        Text {
            objectName: "screen.simple"
            visible: frame.simple.length > 0
            text: frame.simple
            font.family: Theme.fontFamily; font.pixelSize: Theme.titleSize; font.bold: true
            color: Theme.primary
            wrapMode: Text.WordWrap
            Layout.fillWidth: true
        }
        Text {
            objectName: "screen.title"
            text: frame.title
            visible: text.length > 0
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
        RowLayout {
            id: actionRow
            spacing: Theme.spacing
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

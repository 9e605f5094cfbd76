pragma Singleton
import QtQuick

// Accessibility numbers from DOMAIN.md §11, checked by tests/ui/test_accessibility.py:
// normal mode: text ≥ 28 px (body 32), targets ≥ 64 px (main ones 96), contrast ≥ 4.5:1;
// care mode (关怀模式, `care`): text ≥ 36 px (body 40), targets ≥ 96 px (main ones 128), a high-contrast palette.
QtObject {
    property bool care: false
    readonly property string fontFamily: "Noto Sans CJK SC"
    readonly property color background: "#ffffff"
    readonly property color surface: care ? "#ffffff" : "#eef3f8"
    readonly property color text: care ? "#000000" : "#102a43"
    readonly property color mutedText: care ? "#1f2933" : "#3e5368"
    readonly property color primary: care ? "#003a75" : "#0b5cad"
    readonly property color textOnPrimary: "#ffffff"
    readonly property color danger: care ? "#8a0000" : "#a61b1b"
    readonly property color success: care ? "#0b4f1b" : "#1b6e2d"
    readonly property color focus: "#f0b400"
    readonly property int bodySize: care ? 40 : 32
    readonly property int smallSize: care ? 36 : 28
    readonly property int titleSize: care ? 60 : 52
    readonly property int heroSize: care ? 84 : 72
    readonly property int targetHeight: care ? 128 : 96
    readonly property int minTarget: care ? 96 : 64
    readonly property int margin: 48
    readonly property int spacing: 24
    readonly property int radius: 16
    readonly property int borderWidth: care ? 4 : 2
    readonly property int contentWidth: 984
    readonly property int wideContentWidth: 1500

    // The in-window keyboard's width in a window of this size (its height follows from its width): in
    // landscape it docks at the bottom right, the screen's column beside it (Main.qml, ScreenFrame.qml).
    function keyboardWidth(windowWidth, windowHeight) {
        return windowWidth > windowHeight ? Math.min(windowWidth * 0.55, 1080) : Math.min(windowWidth, 1200)
    }
}

pragma Singleton
import QtQuick

// Accessibility numbers from DOMAIN.md §11: body text ≥ 28 px, main targets ≥ 64 px (15–20 mm),
// text contrast ≥ 4.5:1 (navy on white 14:1, white on blue 6.3:1).
QtObject {
    readonly property string fontFamily: "Noto Sans CJK SC"
    readonly property color background: "#ffffff"
    readonly property color surface: "#eef3f8"
    readonly property color text: "#102a43"
    readonly property color mutedText: "#3e5368"
    readonly property color primary: "#0b5cad"
    readonly property color textOnPrimary: "#ffffff"
    readonly property color danger: "#a61b1b"
    readonly property color success: "#1b6e2d"
    readonly property color focus: "#f0b400"
    readonly property int bodySize: 32
    readonly property int smallSize: 28
    readonly property int titleSize: 52
    readonly property int heroSize: 72
    readonly property int targetHeight: 96
    readonly property int minTarget: 64
    readonly property int margin: 48
    readonly property int spacing: 24
    readonly property int radius: 16
    readonly property int contentWidth: 984
    readonly property int wideContentWidth: 1500
}

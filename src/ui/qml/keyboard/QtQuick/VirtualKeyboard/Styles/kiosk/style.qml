import QtQuick
import "../../../../.."

// The kiosk's keyboard style (selected in components/Keyboard.qml, found through the import path that
// kiosk/app.py adds): Qt's default style, larger in care mode. The keyboard is as wide as it is given and
// as tall as the design's aspect; everything in it (keys' margins, labels, icons) scales with its height /
// keyboardDesignHeight. Care mode takes a design 1.4× smaller and a bit taller (2.5:1, not 3.2:1), at most
// 432 px tall: 1080 × 432 in portrait and landscape, rows of 106 px (keys painted 96 px with their 5 px
// margins) and labels of 36 px, where the default gives 83 px rows and 25 px labels at 1080 px wide.
DefaultStyle {
    keyboardDesignWidth: Theme.care ? 1800 : 2560
    keyboardDesignHeight: Theme.care ? 720 : 800
    keyboardDesignMaximumHeight: Theme.care ? 432 : 0
    // The pinyin candidates above the keys are targets too (51 px in the care design, 36 px by default).
    Binding on selectionListHeight { when: Theme.care; value: Theme.minTarget }
}

import QtQuick

// The technician's way in: five taps within three seconds on the top-left corner (nothing to see).
MouseArea {
    id: corner
    required property var vm
    objectName: "diagnostics.corner"
    width: 160; height: 160
    property int taps: 0
    Timer { id: window; interval: 3000; onTriggered: corner.taps = 0 }
    onClicked: {
        if (taps === 0) window.restart()
        taps += 1
        if (taps >= 5) { taps = 0; window.stop(); corner.vm.openDiagnostics() }
    }
}

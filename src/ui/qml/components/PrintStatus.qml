import QtQuick
import QtQuick.Layouts
import ".."

// What the receipt printer did with this screen's slip (nothing shows when no printer is configured).
Body {
    required property var vm
    objectName: "print.status"
    visible: vm.printerReady && vm.printStatus.length > 0
    text: vm.printStatus === "printing" ? qsTr("Printing…")
          : vm.printStatus === "printed" ? qsTr("Please take your printed slip.")
          : qsTr("The slip could not be printed. The QR code on the screen holds the same information.")
    color: vm.printStatus === "failed" ? Theme.danger : Theme.mutedText
    Layout.fillWidth: true
}

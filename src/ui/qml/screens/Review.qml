import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// Everything that will be submitted, the fee, and the Art. 93 warning, before the citizen confirms.
ScreenFrame {
    title: qsTr("Check and confirm")
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Image {
            source: vm.photoSource
            cache: false
            Layout.preferredWidth: 195; Layout.preferredHeight: 284
            Accessible.name: qsTr("Your licence photo")
        }
        ColumnLayout {
            Layout.fillWidth: true
            Field { label: qsTr("Service"); value: Texts.service(vm.service) }
            Field { label: qsTr("Holder"); value: vm.holderName }
            Field { label: qsTr("Licence number"); value: vm.licenceNumber }
            Field { label: qsTr("Delivery"); value: vm.deliveryMethod === "post" ? qsTr("By post") : qsTr("Collect at this office") }
            Field { label: qsTr("Phone"); value: vm.phone }
            Field { label: qsTr("Fee"); value: qsTr("%1 yuan").arg(vm.feeCny) }
        }
    }
    Body {
        text: qsTr("By confirming you declare the information is true. False information leads to refusal, a fine of up to 500 yuan and no new application for one year.")
        color: Theme.mutedText; font.pixelSize: Theme.smallSize; Layout.fillWidth: true
    }
    Item { Layout.fillHeight: true }
    actions: [
        BigButton {
            objectName: "review.backButton"
            text: qsTr("Back"); primary: false
            onClicked: vm.send("back")
        },
        BigButton {
            objectName: "review.confirmButton"
            text: qsTr("Confirm and submit")
            Layout.fillWidth: true
            onClicked: vm.send("confirm")
        }
    ]
}

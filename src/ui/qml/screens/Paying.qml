import QtQuick
import QtQuick.Layouts
import ".."
import "../components"

// The fee: a QR code to scan with a phone wallet; the kiosk moves on by itself once it is paid.
ScreenFrame {
    title: qsTr("Pay the fee of %1 yuan").arg(vm.feeCny)
    Body {
        text: qsTr("Scan the code with WeChat or Alipay and confirm the payment on your phone.")
        Layout.fillWidth: true
    }
    Image {
        objectName: "paying.qr"
        source: vm.paymentQrSource
        visible: vm.paymentQrSource.length > 0
        cache: false
        smooth: false
        fillMode: Image.PreserveAspectFit
        Layout.alignment: Qt.AlignHCenter
        Layout.fillHeight: true
        Layout.maximumHeight: 420
        Layout.preferredHeight: 420
        Layout.preferredWidth: 420
        Accessible.name: qsTr("Payment QR code")
    }
    Busy {
        message: vm.paymentQrSource.length > 0 ? qsTr("Waiting for your payment…") : qsTr("Preparing the payment…")
    }
    Item { Layout.fillHeight: true }
}

<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccessKey</name>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="10" />
        <source>Enter the numbers from your card</source>
        <translation>请输入证件上的号码</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="16" />
        <source>The card did not accept these numbers. Please check them against the bottom lines of the card's back.</source>
        <translation>证件未接受这些号码。请对照证件背面最下方的几行核对。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="23" />
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="24" />
        <source>9 letters or digits</source>
        <translation>9位字母或数字</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="32" />
        <source>Date of birth (YYMMDD)</source>
        <translation>出生日期（年月日，6位）</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="33" />
        <source>e.g. 850312</source>
        <translation>例如 850312</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="41" />
        <source>Date of expiry (YYMMDD)</source>
        <translation>有效期至（年月日，6位）</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="42" />
        <source>e.g. 310312</source>
        <translation>例如 310312</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="51" />
        <source>Open the card</source>
        <translation>读取证件</translation>
    </message>
</context>
<context>
    <name>Attract</name>
    <message>
        <location filename="../qml/screens/Attract.qml" line="15" />
        <source>Driving licence self-service</source>
        <translation>驾驶证自助服务</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="21" />
        <source>Renew, replace or transfer your driving licence in a few minutes. Bring your ID card.</source>
        <translation>几分钟即可办理驾驶证换证、补证和转入。请携带身份证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="36" />
        <source>Touch to start</source>
        <translation>点击开始</translation>
    </message>
</context>
<context>
    <name>CardBackPicture</name>
    <message>
        <location filename="../qml/components/CardBackPicture.qml" line="9" />
        <source>The back of the card: the numbers are in the three lines at the bottom</source>
        <translation>证件背面：号码在最下方的三行中</translation>
    </message>
</context>
<context>
    <name>Checking</name>
    <message>
        <location filename="../qml/screens/Checking.qml" line="7" />
        <source>Checking your licence</source>
        <translation>正在查询您的驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/screens/Checking.qml" line="8" />
        <source>Your ID card has been read. We are looking up your licence; this takes a few seconds.</source>
        <translation>身份证已读取，正在查询您的驾驶证信息，请稍候。</translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="10" />
        <source>How would you like to receive your new licence?</source>
        <translation>您希望如何领取新驾驶证？</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="27" />
        <source>By post to my registered address</source>
        <translation>邮寄到我的登记地址</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="34" />
        <source>Collect at this office</source>
        <translation>到本所领取</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="42" />
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="42" />
        <source>The address on your ID card is used.</source>
        <translation>将使用您身份证上的地址。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="45" />
        <location filename="../qml/screens/Delivery.qml" line="56" />
        <source>Mobile phone number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="53" />
        <source>Enter 11 digits</source>
        <translation>请输入11位号码</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="70" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="75" />
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>DemoTray</name>
    <message>
        <location filename="../qml/components/DemoTray.qml" line="22" />
        <source>Demo: place a card</source>
        <translation>演示：放置证件</translation>
    </message>
</context>
<context>
    <name>Done</name>
    <message>
        <location filename="../qml/screens/Done.qml" line="9" />
        <source>Your application has been submitted</source>
        <translation>申请已提交</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="9" />
        <source>Your application is saved and will be sent</source>
        <translation>您的申请已保存，将自动提交</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="14" />
        <source>The licence system cannot be reached just now. This kiosk will send your application automatically; you will receive the application number by text message.</source>
        <translation>暂时无法连接驾驶证业务系统。本机将自动提交您的申请，申请编号将通过短信发送给您。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="18" />
        <source>Application number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="18" />
        <source>Reference</source>
        <translation>受理凭证号</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="40" />
        <source>QR code of the application number</source>
        <translation>申请编号二维码</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="44" />
        <source>Your new licence will be made within one working day and sent by post. Please take your ID card.</source>
        <translation>新驾驶证将在一个工作日内制作完成并邮寄给您。请取回您的身份证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="45" />
        <source>Your new licence will be ready at this office within one working day. Please take your ID card.</source>
        <translation>新驾驶证将在一个工作日内在本所制作完成，请凭身份证领取。请取回您的身份证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="52" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Failed</name>
    <message>
        <location filename="../qml/screens/Failed.qml" line="8" />
        <source>Sorry, we could not finish</source>
        <translation>抱歉，业务未能完成</translation>
    </message>
    <message>
        <location filename="../qml/screens/Failed.qml" line="12" />
        <source>Nothing has been submitted and nothing was charged. Please try again later or ask at a service window.</source>
        <translation>申请未提交，也未收取任何费用。请稍后重试或到服务窗口咨询。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Failed.qml" line="19" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../qml/components/Keypad.qml" line="22" />
        <source>Erase</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="13" />
        <source>Driving licence self-service</source>
        <translation>驾驶证自助服务</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <location filename="../qml/screens/Menu.qml" line="8" />
        <source>What would you like to do?</source>
        <translation>您要办理什么业务？</translation>
    </message>
    <message>
        <location filename="../qml/screens/Menu.qml" line="22" />
        <source>Other licence matters are handled at the service windows.</source>
        <translation>其他驾驶证业务请到服务窗口办理。</translation>
    </message>
</context>
<context>
    <name>Paying</name>
    <message>
        <location filename="../qml/screens/Paying.qml" line="8" />
        <source>Pay the fee of %1 yuan</source>
        <translation>请缴纳工本费%1元</translation>
    </message>
    <message>
        <location filename="../qml/screens/Paying.qml" line="10" />
        <source>Scan the code with WeChat or Alipay and confirm the payment on your phone.</source>
        <translation>请用微信或支付宝扫码，并在手机上确认支付。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Paying.qml" line="25" />
        <source>Payment QR code</source>
        <translation>支付二维码</translation>
    </message>
    <message>
        <location filename="../qml/screens/Paying.qml" line="28" />
        <source>Waiting for your payment…</source>
        <translation>正在等待支付…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Paying.qml" line="28" />
        <source>Preparing the payment…</source>
        <translation>正在准备支付…</translation>
    </message>
</context>
<context>
    <name>Photo</name>
    <message>
        <location filename="../qml/screens/Photo.qml" line="10" />
        <source>Your photo</source>
        <translation>拍摄照片</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="13" />
        <source>The camera is not working at the moment. Please wait a moment or ask staff.</source>
        <translation>摄像头暂时无法使用。请稍候，或请工作人员帮助。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="16" />
        <source>Look straight at the camera, keep a neutral face with your eyes open, and take off any hat.</source>
        <translation>请正视摄像头，表情自然，睁开双眼，摘下帽子。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="33" />
        <source>Camera preview</source>
        <translation>摄像头预览</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="54" />
        <source>That photo was not good enough. Please try once more.</source>
        <translation>这张照片不符合要求，请再拍一次。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="62" />
        <source>Ask staff for help</source>
        <translation>请工作人员帮助</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="15" />
        <location filename="../qml/screens/Photo.qml" line="50" />
        <source>Hold still…</source>
        <translation>请保持不动…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="67" />
        <source>Take the photo</source>
        <translation>拍照</translation>
    </message>
</context>
<context>
    <name>PhotoReview</name>
    <message>
        <location filename="../qml/screens/PhotoReview.qml" line="8" />
        <source>Is this photo all right?</source>
        <translation>这张照片可以吗？</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReview.qml" line="20" />
        <source>Your licence photo</source>
        <translation>您的驾驶证照片</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/screens/PhotoReview.qml" line="23" />
        <source>You can take %n more photo(s).</source>
        <translation>
            <numerusform>您还可以重拍%n次。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReview.qml" line="30" />
        <source>Take again</source>
        <translation>重拍</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReview.qml" line="37" />
        <source>Use this photo</source>
        <translation>使用这张照片</translation>
    </message>
</context>
<context>
    <name>PlaceId</name>
    <message>
        <location filename="../qml/screens/PlaceId.qml" line="9" />
        <source>Place your ID card on the reader</source>
        <translation>请将身份证放在读卡区</translation>
    </message>
    <message>
        <location filename="../qml/screens/PlaceId.qml" line="13" />
        <source>The card was moved before we finished. Please put it back on the reader.</source>
        <translation>证件在读取完成前被移开了。请重新放到读卡区。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PlaceId.qml" line="14" />
        <source>The card reader is not working. Please ask at a service window.</source>
        <translation>读卡器暂时无法使用。请到服务窗口咨询。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PlaceId.qml" line="15" />
        <source>We could not read this card. Please put it back on the reader, or ask at a service window.</source>
        <translation>无法读取此证件。请重新放到读卡区，或到服务窗口咨询。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PlaceId.qml" line="19" />
        <source>Lay the card flat on the reader below the screen and leave it there until we say so.</source>
        <translation>请将证件平放在屏幕下方的读卡区，提示前请勿移开。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PlaceId.qml" line="29" />
        <source>ID card</source>
        <translation>身份证</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <location filename="../qml/screens/Reading.qml" line="7" />
        <source>Reading your card</source>
        <translation>正在读取证件</translation>
    </message>
    <message>
        <location filename="../qml/screens/Reading.qml" line="8" />
        <source>Please leave the card on the reader.</source>
        <translation>请不要移开证件。</translation>
    </message>
</context>
<context>
    <name>Record</name>
    <message>
        <location filename="../qml/screens/Record.qml" line="8" />
        <source>Your licence</source>
        <translation>您的驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="16" />
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="17" />
        <source>Licence number</source>
        <translation>驾驶证号</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="18" />
        <source>Classes</source>
        <translation>准驾车型</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="19" />
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="19" />
        <source>no time limit</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="33" />
        <source>New validity: %1</source>
        <translation>新有效期：%1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="33" />
        <source>until %1</source>
        <translation>至%1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="40" />
        <source>Continue: take my photo</source>
        <translation>继续：拍摄照片</translation>
    </message>
</context>
<context>
    <name>Refused</name>
    <message>
        <location filename="../qml/screens/Refused.qml" line="8" />
        <source>Please go to a service window</source>
        <translation>请到服务窗口办理</translation>
    </message>
    <message>
        <location filename="../qml/screens/Refused.qml" line="8" />
        <source>This cannot be done at the kiosk</source>
        <translation>本机无法办理此业务</translation>
    </message>
    <message>
        <location filename="../qml/screens/Refused.qml" line="12" />
        <source>Staff will handle your application in person:</source>
        <translation>工作人员将为您现场办理：</translation>
    </message>
    <message>
        <location filename="../qml/screens/Refused.qml" line="13" />
        <source>We checked everything at once. Please see to all of the following:</source>
        <translation>我们已一次性完成全部核查，请处理以下所有事项：</translation>
    </message>
    <message>
        <location filename="../qml/screens/Refused.qml" line="37" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../qml/screens/Review.qml" line="8" />
        <source>Check and confirm</source>
        <translation>核对并确认</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="16" />
        <source>Your licence photo</source>
        <translation>您的驾驶证照片</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="20" />
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="21" />
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="22" />
        <source>Licence number</source>
        <translation>驾驶证号</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="23" />
        <source>Delivery</source>
        <translation>领取方式</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="23" />
        <source>By post</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="23" />
        <source>Collect at this office</source>
        <translation>到本所领取</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="24" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="25" />
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="25" />
        <source>%1 yuan</source>
        <translation>%1元</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="29" />
        <source>By confirming you declare the information is true. False information leads to refusal, a fine of up to 500 yuan and no new application for one year.</source>
        <translation>确认即表示您承诺所填信息真实。提供虚假材料的，不予受理，处五百元以下罚款，一年内不得再次申请。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="36" />
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="41" />
        <source>Confirm and submit</source>
        <translation>确认并提交</translation>
    </message>
</context>
<context>
    <name>ScreenFrame</name>
    <message>
        <location filename="../qml/components/ScreenFrame.qml" line="24" />
        <source>Driving licence self-service</source>
        <translation>驾驶证自助服务</translation>
    </message>
    <message>
        <location filename="../qml/components/ScreenFrame.qml" line="68" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Submitting</name>
    <message>
        <location filename="../qml/screens/Submitting.qml" line="7" />
        <source>Submitting your application</source>
        <translation>正在提交申请</translation>
    </message>
    <message>
        <location filename="../qml/screens/Submitting.qml" line="9" />
        <source>Please wait and keep your ID card with you.</source>
        <translation>请稍候，并收好您的身份证。</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../qml/Texts.qml" line="8" />
        <source>Renew an expiring licence</source>
        <translation>期满换证</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="9" />
        <source>Replace a damaged licence</source>
        <translation>损毁换证</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="10" />
        <source>Transfer a licence to this city</source>
        <translation>转入换证</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="11" />
        <source>Replace a lost licence</source>
        <translation>遗失补证</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="17" />
        <source>You can replace this licence here. The fee is %1 yuan.</source>
        <translation>您可以在本机办理换证，工本费%1元。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="18" />
        <source>You can transfer this licence to this office here. The fee is %1 yuan.</source>
        <translation>您可以在本机办理驾驶证转入，工本费%1元。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="19" />
        <source>You can have this licence reissued here. The fee is %1 yuan.</source>
        <translation>您可以在本机办理补证，工本费%1元。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="21" />
        <source>You can renew this licence here. The fee is %1 yuan.</source>
        <translation>您可以在本机办理换证，工本费%1元。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="25" />
        <source>We found no driving licence for this ID document.</source>
        <translation>未查到与此证件对应的驾驶证。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="26" />
        <source>The ID document does not match the licence record.</source>
        <translation>身份证件与驾驶证档案信息不符。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="27" />
        <source>This licence has been revoked.</source>
        <translation>驾驶证已被撤销或吊销。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="28" />
        <source>This licence has been cancelled.</source>
        <translation>驾驶证已注销。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="29" />
        <source>This licence is suspended.</source>
        <translation>驾驶证处于暂扣状态。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="30" />
        <source>This licence is held by the police.</source>
        <translation>驾驶证处于扣押或扣留状态。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="31" />
        <source>This licence is stopped or locked.</source>
        <translation>驾驶证已停止使用或被锁定。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="32" />
        <source>This licence has been transferred out.</source>
        <translation>驾驶证已转出。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="33" />
        <source>The licence inspection is overdue.</source>
        <translation>驾驶证逾期未审验。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="34" />
        <source>Renewal opens 90 days before the licence expires.</source>
        <translation>有效期满前90日内方可申请换证。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="35" />
        <source>The licence expired more than a year ago.</source>
        <translation>驾驶证已过期超过一年。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="36" />
        <source>There are traffic violations still to be settled.</source>
        <translation>有交通违法行为尚未处理完毕。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="37" />
        <source>There are traffic accidents still to be settled.</source>
        <translation>有交通事故尚未处理完毕。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="38" />
        <source>No valid physical-condition certificate from the last 6 months.</source>
        <translation>没有近6个月内有效的身体条件证明。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="39" />
        <source>Road-safety study and an exam are required first.</source>
        <translation>需先参加道路交通安全学习和考试。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="40" />
        <source>This licence is already registered with this office.</source>
        <translation>驾驶证已在本地车管所登记。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="41" />
        <source>Several replacements in a short time must be handled at a service window.</source>
        <translation>短期内多次补换证，须到服务窗口办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="42" />
        <source>A renewal this late must be made at the office that issued the licence.</source>
        <translation>逾期这么久的换证须到核发地车管所办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="44" />
        <source>The licence system gave a reason we cannot show here (%1).</source>
        <translation>业务系统返回了无法在此显示的原因（%1）。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="49" />
        <source>Please ask at a service window.</source>
        <translation>请到服务窗口咨询。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="50" />
        <source>Please come back within 90 days of the expiry date.</source>
        <translation>请在有效期满前90日内再来办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="52" />
        <source>Settle them at the traffic police or in the 12123 app, then come back.</source>
        <translation>请到交警部门或通过交管12123处理完毕后再来办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="54" />
        <source>Have a check-up at an approved hospital; the certificate reaches us online.</source>
        <translation>请到指定医院体检，体检证明将联网传送。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="55" />
        <source>Complete the study and exam, then come back.</source>
        <translation>请完成学习和考试后再来办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="56" />
        <source>Choose renewal or replacement instead.</source>
        <translation>请改选换证或补证业务。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="57" />
        <source>Please go to the office that issued your licence.</source>
        <translation>请到核发地车管所办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="59" />
        <source>Please ask at a service window; staff will help you.</source>
        <translation>请到服务窗口，工作人员会帮助您。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="63" />
        <source>Your new licence will be valid for 10 years.</source>
        <translation>新驾驶证有效期为10年。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="64" />
        <source>Your new licence will be valid without time limit.</source>
        <translation>新驾驶证有效期为长期。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="65" />
        <source>Because of your age, some licence classes will change.</source>
        <translation>因年龄原因，部分准驾车型将调整。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="66" />
        <source>Your licence was issued elsewhere; it will also be transferred here.</source>
        <translation>您的驾驶证由外地核发，将同时办理转入。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="67" />
        <source>Your old card becomes invalid and must not be used.</source>
        <translation>原驾驶证作废，不得继续使用。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="73" />
        <source>The licence system cannot be reached right now.</source>
        <translation>暂时无法连接驾驶证业务系统。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="74" />
        <source>This kiosk is not connected properly.</source>
        <translation>本机连接配置有误。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="75" />
        <source>The licence system gave an answer we could not understand.</source>
        <translation>业务系统返回的信息无法识别。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="76" />
        <source>The licence system did not accept the application.</source>
        <translation>驾驶证业务系统未受理此申请。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="77" />
        <source>The payment was declined.</source>
        <translation>支付未成功。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="78" />
        <source>Staff will take your photo at a service window.</source>
        <translation>工作人员将在服务窗口为您拍照。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="79" />
        <source>The payment was not completed in time.</source>
        <translation>未在规定时间内完成支付。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="81" />
        <source>Something went wrong on this kiosk.</source>
        <translation>本机出现故障。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="84" />
        <source>no time limit</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="84" />
        <source>%1 years</source>
        <translation>%1年</translation>
    </message>
</context>
<context>
    <name>Unpaid</name>
    <message>
        <location filename="../qml/screens/Unpaid.qml" line="8" />
        <source>The fee was not paid</source>
        <translation>费用未支付</translation>
    </message>
    <message>
        <location filename="../qml/screens/Unpaid.qml" line="12" />
        <source>Your application has not been submitted. You can try the payment again.</source>
        <translation>您的申请尚未提交。您可以重新支付。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Unpaid.qml" line="19" />
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../qml/screens/Unpaid.qml" line="24" />
        <source>Try the payment again</source>
        <translation>重新支付</translation>
    </message>
</context>
</TS>
<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AccessBar</name>
    <message>
        <location filename="../qml/components/AccessBar.qml" line="22"/>
        <source>Large text</source>
        <translation>关怀模式</translation>
    </message>
    <message>
        <location filename="../qml/components/AccessBar.qml" line="29"/>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
    <message>
        <location filename="../qml/components/AccessBar.qml" line="36"/>
        <source>Repeat</source>
        <translation>重播</translation>
    </message>
    <message>
        <location filename="../qml/components/AccessBar.qml" line="42"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../qml/components/AccessBar.qml" line="48"/>
        <source>Quieter</source>
        <translation>小声</translation>
    </message>
    <message>
        <location filename="../qml/components/AccessBar.qml" line="54"/>
        <source>Louder</source>
        <translation>大声</translation>
    </message>
    <message>
        <location filename="../qml/components/AccessBar.qml" line="60"/>
        <source>Call staff</source>
        <translation>呼叫工作人员</translation>
    </message>
    <message>
        <location filename="../qml/components/AccessBar.qml" line="68"/>
        <source>Calling a member of staff…</source>
        <translation>正在呼叫工作人员…</translation>
    </message>
    <message>
        <location filename="../qml/components/AccessBar.qml" line="69"/>
        <source>A member of staff is on the way (ticket %1). You can go on meanwhile.</source>
        <translation>工作人员马上就到（号码%1），您可以继续办理。</translation>
    </message>
    <message>
        <location filename="../qml/components/AccessBar.qml" line="70"/>
        <source>We could not reach the staff. Please go to the information desk.</source>
        <translation>暂时无法联系工作人员，请到咨询台。</translation>
    </message>
</context>
<context>
    <name>AccessKey</name>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="12"/>
        <source>Enter the numbers from your card</source>
        <translation>请输入证件上的号码</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="12"/>
        <source>Enter the access number from your card</source>
        <translation>请输入证件上的访问号码</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="21"/>
        <source>The card did not accept this number. Please check the six digits on the front of the card.</source>
        <translation>证件未接受该号码。请核对证件正面的六位数字。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="22"/>
        <source>The card did not accept these numbers. Please check them against the bottom lines of the card&apos;s back.</source>
        <translation>证件未接受这些号码。请对照证件背面最下方的几行核对。</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="31"/>
        <source>Card access number (CAN)</source>
        <translation>证件访问号码（CAN）</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="32"/>
        <source>6 digits</source>
        <translation>6位数字</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="41"/>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="42"/>
        <source>9 letters or digits</source>
        <translation>9位字母或数字</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="51"/>
        <source>Date of birth (YYMMDD)</source>
        <translation>出生日期（年月日，6位）</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="52"/>
        <source>e.g. 850312</source>
        <translation>例如 850312</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="61"/>
        <source>Date of expiry (YYMMDD)</source>
        <translation>有效期至（年月日，6位）</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="62"/>
        <source>e.g. 310312</source>
        <translation>例如 310312</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="71"/>
        <source>No access number? Use the bottom lines</source>
        <translation>没有访问号码？改用证件背面底部的号码</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="71"/>
        <source>Use the 6-digit access number</source>
        <translation>改用6位访问号码</translation>
    </message>
    <message>
        <location filename="../qml/screens/AccessKey.qml" line="79"/>
        <source>Open the card</source>
        <translation>读取证件</translation>
    </message>
</context>
<context>
    <name>Attract</name>
    <message>
        <location filename="../qml/screens/Attract.qml" line="33"/>
        <source>Driving licence self-service</source>
        <translation>驾驶证自助服务</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="12"/>
        <source>Renew, replace or transfer your driving licence in a few minutes. Bring your ID card.</source>
        <translation>几分钟即可办理驾驶证换证、补证和转入。请携带身份证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="13"/>
        <source>Older or disabled? Touch &quot;Need help&quot; for priority service, staff help or a home visit.</source>
        <translation>老年人或残疾人？请点“需要帮助”，享受优先办理、人工协助或上门服务。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="14"/>
        <source>Large text, high contrast and voice guidance are one touch away on every screen.</source>
        <translation>每个页面都可一键开启关怀模式（大字、高对比度）和语音引导。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="55"/>
        <source>Touch to start</source>
        <translation>点击开始</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="71"/>
        <source>Need help? Priority service</source>
        <translation>需要帮助？优先服务</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="82"/>
        <source>Large text</source>
        <translation>关怀模式</translation>
    </message>
    <message>
        <location filename="../qml/screens/Attract.qml" line="89"/>
        <source>Voice</source>
        <translation>语音</translation>
    </message>
</context>
<context>
    <name>CardBackPicture</name>
    <message>
        <location filename="../qml/components/CardBackPicture.qml" line="10"/>
        <source>The back of the card: the numbers are in the three lines at the bottom</source>
        <translation>证件背面：号码在最下方的三行中</translation>
    </message>
</context>
<context>
    <name>CardFrontPicture</name>
    <message>
        <location filename="../qml/components/CardFrontPicture.qml" line="10"/>
        <source>The front of the card: the access number is the six digits in the corner</source>
        <translation>证件正面：访问号码是角落里的六位数字</translation>
    </message>
</context>
<context>
    <name>Certificate</name>
    <message>
        <location filename="../qml/screens/Certificate.qml" line="9"/>
        <source>Your physical-condition certificate</source>
        <translation>您的身体条件证明</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificate.qml" line="18"/>
        <source>Found online: a networked hospital sent us your certificate.</source>
        <translation>已联网查到：联网医院已上传您的身体条件证明。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificate.qml" line="19"/>
        <source>Examined on</source>
        <translation>体检日期</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificate.qml" line="20"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificate.qml" line="21"/>
        <source>Result</source>
        <translation>结论</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificate.qml" line="21"/>
        <source>Fit to drive</source>
        <translation>符合驾驶条件</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificate.qml" line="21"/>
        <source>Not fit to drive</source>
        <translation>不符合驾驶条件</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificate.qml" line="26"/>
        <source>You do not need to bring a paper certificate.</source>
        <translation>您无需提交纸质证明。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificate.qml" line="32"/>
        <source>No certificate was found online. If you had a check-up in the last 6 months at a hospital that is not connected, please bring the paper certificate to window %1.</source>
        <translation>未联网查到您的身体条件证明。如您近6个月内在未联网的医院体检，请携带纸质证明到%1号窗口办理。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Certificate.qml" line="40"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>Checking</name>
    <message>
        <location filename="../qml/screens/Checking.qml" line="7"/>
        <source>Checking your licence</source>
        <translation>正在查询您的驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/screens/Checking.qml" line="8"/>
        <source>Your ID card has been read. We are looking up your licence; this takes a few seconds.</source>
        <translation>身份证已读取，正在查询您的驾驶证信息，请稍候。</translation>
    </message>
</context>
<context>
    <name>DamageDeclaration</name>
    <message>
        <location filename="../qml/screens/DamageDeclaration.qml" line="9"/>
        <source>Declaration: damaged licence</source>
        <translation>声明：驾驶证损毁</translation>
    </message>
    <message>
        <location filename="../qml/screens/DamageDeclaration.qml" line="10"/>
        <source>I declare that my driving licence is damaged and can no longer be read.</source>
        <translation>本人声明：本人驾驶证已损毁，无法辨认。</translation>
    </message>
    <message>
        <location filename="../qml/screens/DamageDeclaration.qml" line="13"/>
        <source>Your damaged card stops being valid once the new one is issued. Please put it into the collection box next to this kiosk, or hand it in at window %1; it will be destroyed.</source>
        <translation>新证核发后，损毁的旧证即作废。请将旧证投入本机旁的回收箱，或交到%1号窗口，旧证将被销毁。</translation>
    </message>
    <message>
        <location filename="../qml/screens/DamageDeclaration.qml" line="21"/>
        <source>I declare this is true</source>
        <translation>本人声明以上属实</translation>
    </message>
</context>
<context>
    <name>Delivery</name>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="12"/>
        <source>How would you like to receive your new licence?</source>
        <translation>您希望如何领取新驾驶证？</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="40"/>
        <source>Collect at this office</source>
        <translation>到本所领取</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="68"/>
        <source>Address: %1</source>
        <translation>地址：%1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="33"/>
        <source>By post</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="52"/>
        <source>Registered address</source>
        <translation>登记地址</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="59"/>
        <source>Another address</source>
        <translation>其他地址</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="79"/>
        <source>Province, city, district, street and number</source>
        <translation>省、市、区、街道及门牌号</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="81"/>
        <source>Postal address</source>
        <translation>邮寄地址</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="84"/>
        <location filename="../qml/screens/Delivery.qml" line="96"/>
        <source>Mobile phone number</source>
        <translation>手机号码</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="93"/>
        <source>Enter 11 digits</source>
        <translation>请输入11位号码</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="102"/>
        <source>A mobile number has 11 digits and starts with 1.</source>
        <translation>手机号码为以1开头的11位数字。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="117"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../qml/screens/Delivery.qml" line="122"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>DemoTray</name>
    <message>
        <location filename="../qml/components/DemoTray.qml" line="23"/>
        <source>Demo: place a card</source>
        <translation>演示：放置证件</translation>
    </message>
</context>
<context>
    <name>Diagnostics</name>
    <message>
        <location filename="../qml/screens/Diagnostics.qml" line="11"/>
        <source>Diagnostics</source>
        <translation>设备诊断</translation>
    </message>
    <message>
        <location filename="../qml/screens/Diagnostics.qml" line="19"/>
        <source>Collecting…</source>
        <translation>正在收集…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Diagnostics.qml" line="41"/>
        <source>Camera: %1 frames per second, %2 ms from a frame to its verdict
Photo checks: %3</source>
        <translation>摄像头：每秒%1帧，从取帧到检测结果%2毫秒
照片检测：%3</translation>
    </message>
    <message>
        <location filename="../qml/screens/Diagnostics.qml" line="43"/>
        <source>all pass</source>
        <translation>全部通过</translation>
    </message>
    <message>
        <location filename="../qml/screens/Diagnostics.qml" line="82"/>
        <source>Chip: CAN, or document number,YYMMDD birth,YYMMDD expiry</source>
        <translation>芯片：CAN，或 证件号码,出生日期YYMMDD,有效期YYMMDD</translation>
    </message>
    <message>
        <location filename="../qml/screens/Diagnostics.qml" line="87"/>
        <source>Test read</source>
        <translation>测试读卡</translation>
    </message>
    <message>
        <location filename="../qml/screens/Diagnostics.qml" line="100"/>
        <source>Save bundle to %1</source>
        <translation>保存诊断包到 %1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Diagnostics.qml" line="108"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../qml/screens/Diagnostics.qml" line="113"/>
        <source>Send the outbox now</source>
        <translation>立即发送待发申请</translation>
    </message>
    <message>
        <location filename="../qml/screens/Diagnostics.qml" line="118"/>
        <source>Leave</source>
        <translation>退出</translation>
    </message>
</context>
<context>
    <name>DiagnosticsPin</name>
    <message>
        <location filename="../qml/screens/DiagnosticsPin.qml" line="9"/>
        <source>Diagnostics</source>
        <translation>设备诊断</translation>
    </message>
    <message>
        <location filename="../qml/screens/DiagnosticsPin.qml" line="13"/>
        <source>Too many wrong PINs. Try again in %1 seconds.</source>
        <translation>PIN错误次数过多，请%1秒后再试。</translation>
    </message>
    <message>
        <location filename="../qml/screens/DiagnosticsPin.qml" line="14"/>
        <source>Wrong PIN (%1 so far).</source>
        <translation>PIN错误（已错%1次）。</translation>
    </message>
    <message>
        <location filename="../qml/screens/DiagnosticsPin.qml" line="15"/>
        <source>Technicians only: enter the diagnostics PIN.</source>
        <translation>仅限技术人员：请输入诊断PIN。</translation>
    </message>
    <message>
        <location filename="../qml/screens/DiagnosticsPin.qml" line="35"/>
        <source>Enter</source>
        <translation>确定</translation>
    </message>
</context>
<context>
    <name>Done</name>
    <message>
        <location filename="../qml/screens/Done.qml" line="21"/>
        <source>Your application has been submitted</source>
        <translation>申请已提交</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="21"/>
        <source>Your application is saved and will be sent</source>
        <translation>您的申请已保存，将自动提交</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="26"/>
        <source>The licence system cannot be reached just now. This kiosk will send your application automatically; you will receive the application number by text message.</source>
        <translation>暂时无法连接驾驶证业务系统。本机将自动提交您的申请，申请编号将通过短信发送给您。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="15"/>
        <location filename="../qml/screens/Done.qml" line="30"/>
        <source>Application number</source>
        <translation>申请编号</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="15"/>
        <location filename="../qml/screens/Done.qml" line="30"/>
        <source>Reference</source>
        <translation>受理凭证号</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="52"/>
        <source>QR code of the application number</source>
        <translation>申请编号二维码</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="10"/>
        <source>Your new licence will be made within one working day and sent by post. Please take your ID card.</source>
        <translation>新驾驶证将在一个工作日内制作完成并邮寄给您。请取回您的身份证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="11"/>
        <source>Your new licence will be ready at this office within one working day. Please take your ID card.</source>
        <translation>新驾驶证将在一个工作日内在本所制作完成，请凭身份证领取。请取回您的身份证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="60"/>
        <source>Scan the code to follow your application.</source>
        <translation>扫描二维码查询办理进度。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="69"/>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../qml/screens/Done.qml" line="74"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Failed</name>
    <message>
        <location filename="../qml/screens/Failed.qml" line="8"/>
        <source>Sorry, we could not finish</source>
        <translation>抱歉，业务未能完成</translation>
    </message>
    <message>
        <location filename="../qml/screens/Failed.qml" line="12"/>
        <source>Nothing has been submitted and nothing was charged. Please try again later or ask at a service window.</source>
        <translation>申请未提交，也未收取任何费用。请稍后重试或到服务窗口咨询。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Failed.qml" line="19"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>HandIn</name>
    <message>
        <location filename="../qml/screens/HandIn.qml" line="9"/>
        <source>Hand in your old licence</source>
        <translation>交回原驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/screens/HandIn.qml" line="11"/>
        <source>A transferred licence is replaced by a new card from this office, and the old card is collected.</source>
        <translation>转入后由本车管所核发新证，原驾驶证收回。</translation>
    </message>
    <message>
        <location filename="../qml/screens/HandIn.qml" line="16"/>
        <source>Please put your old licence into the collection box next to this kiosk, or hand it in at window %1.</source>
        <translation>请将原驾驶证投入本机旁的回收箱，或交到%1号窗口。</translation>
    </message>
    <message>
        <location filename="../qml/screens/HandIn.qml" line="23"/>
        <source>I have handed in my old licence</source>
        <translation>我已交回原驾驶证</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../qml/screens/Help.qml" line="10"/>
        <source>Help and priority service</source>
        <translation>帮助与优先服务</translation>
    </message>
    <message>
        <location filename="../qml/screens/Help.qml" line="15"/>
        <source>For older and disabled citizens, and anyone who would rather be served by a person.</source>
        <translation>为老年人、残疾人以及希望人工办理的群众提供服务。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Help.qml" line="21"/>
        <source>We could not reach the staff just now. Please go to the information desk or any service window.</source>
        <translation>暂时无法联系工作人员，请到咨询台或任一服务窗口。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Help.qml" line="24"/>
        <source>Asking the staff…</source>
        <translation>正在呼叫工作人员…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Help.qml" line="31"/>
        <source>Ask a member of staff to come to this kiosk</source>
        <translation>请工作人员到本机协助</translation>
    </message>
    <message>
        <location filename="../qml/screens/Help.qml" line="37"/>
        <source>Priority service at a window (green channel)</source>
        <translation>窗口优先办理（绿色通道）</translation>
    </message>
    <message>
        <location filename="../qml/screens/Help.qml" line="43"/>
        <source>I am applying for someone else (with their written authorisation)</source>
        <translation>我代他人办理（持委托书）</translation>
    </message>
    <message>
        <location filename="../qml/screens/Help.qml" line="49"/>
        <source>Book a home visit (for those who cannot come in)</source>
        <translation>预约上门服务（行动不便者）</translation>
    </message>
    <message>
        <location filename="../qml/screens/Help.qml" line="59"/>
        <source>Your mobile phone number: we will call you to arrange the visit.</source>
        <translation>请输入您的手机号码，我们将致电预约上门时间。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Help.qml" line="62"/>
        <source>Enter 11 digits</source>
        <translation>请输入11位数字</translation>
    </message>
    <message>
        <location filename="../qml/screens/Help.qml" line="74"/>
        <source>Book the home visit</source>
        <translation>预约上门服务</translation>
    </message>
</context>
<context>
    <name>HelpSent</name>
    <message>
        <location filename="../qml/screens/HelpSent.qml" line="8"/>
        <source>A member of staff is on the way</source>
        <translation>工作人员马上就到</translation>
    </message>
    <message>
        <location filename="../qml/screens/HelpSent.qml" line="9"/>
        <source>Your home visit is booked</source>
        <translation>已为您预约上门服务</translation>
    </message>
    <message>
        <location filename="../qml/screens/HelpSent.qml" line="10"/>
        <source>Please go to window %1</source>
        <translation>请到%1号窗口办理</translation>
    </message>
    <message>
        <location filename="../qml/screens/HelpSent.qml" line="13"/>
        <source>Please wait at this kiosk.</source>
        <translation>请在本机旁稍候。</translation>
    </message>
    <message>
        <location filename="../qml/screens/HelpSent.qml" line="14"/>
        <source>We will call you to arrange a time.</source>
        <translation>我们将致电与您约定时间。</translation>
    </message>
    <message>
        <location filename="../qml/screens/HelpSent.qml" line="15"/>
        <source>Please bring your own ID card, the holder&apos;s ID card and the holder&apos;s written authorisation.</source>
        <translation>请携带您本人的身份证、驾驶人的身份证和委托书。</translation>
    </message>
    <message>
        <location filename="../qml/screens/HelpSent.qml" line="16"/>
        <source>You will be served first.</source>
        <translation>您将被优先办理。</translation>
    </message>
    <message>
        <location filename="../qml/screens/HelpSent.qml" line="19"/>
        <source>Your ticket number</source>
        <translation>您的号码</translation>
    </message>
    <message>
        <location filename="../qml/screens/HelpSent.qml" line="25"/>
        <source>Ticket %1</source>
        <translation>号码%1</translation>
    </message>
    <message>
        <location filename="../qml/screens/HelpSent.qml" line="31"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>IdleWarning</name>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="23"/>
        <source>Do you need more time?</source>
        <translation>您还需要更多时间吗？</translation>
    </message>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="30"/>
        <source>Otherwise we will stop in %1 seconds and forget everything you entered.</source>
        <translation>否则将在%1秒后结束办理，并清除您输入的全部信息。</translation>
    </message>
    <message>
        <location filename="../qml/components/IdleWarning.qml" line="37"/>
        <source>Yes, continue</source>
        <translation>是，继续办理</translation>
    </message>
</context>
<context>
    <name>Keypad</name>
    <message>
        <location filename="../qml/components/Keypad.qml" line="22"/>
        <source>Erase</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>LossDeclaration</name>
    <message>
        <location filename="../qml/screens/LossDeclaration.qml" line="9"/>
        <source>Declaration: lost licence</source>
        <translation>声明：驾驶证遗失</translation>
    </message>
    <message>
        <location filename="../qml/screens/LossDeclaration.qml" line="10"/>
        <source>I declare that my driving licence is lost.</source>
        <translation>本人声明：本人驾驶证已遗失。</translation>
    </message>
    <message>
        <location filename="../qml/screens/LossDeclaration.qml" line="13"/>
        <source>From now on your old licence is void. If you find it, do not use it: driving with a void licence is fined 20 to 200 yuan and the card is taken away.</source>
        <translation>自即刻起原驾驶证作废。如找回原证，请勿使用：使用作废驾驶证的，处20元以上200元以下罚款，并收回该证。</translation>
    </message>
    <message>
        <location filename="../qml/screens/LossDeclaration.qml" line="17"/>
        <source>A licence that is suspended or held by the police cannot be reissued. Declaring it lost to hide that is fined 200 to 500 yuan.</source>
        <translation>驾驶证被暂扣、扣押或扣留期间不得补领。隐瞒事实申请补领的，处200元以上500元以下罚款。</translation>
    </message>
    <message>
        <location filename="../qml/screens/LossDeclaration.qml" line="25"/>
        <source>I declare this is true</source>
        <translation>本人声明以上属实</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../qml/Main.qml" line="13"/>
        <source>Driving licence self-service</source>
        <translation>驾驶证自助服务</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <location filename="../qml/screens/Menu.qml" line="9"/>
        <source>What would you like to do?</source>
        <translation>您要办理什么业务？</translation>
    </message>
    <message>
        <location filename="../qml/screens/Menu.qml" line="29"/>
        <source>Need help? Priority service</source>
        <translation>需要帮助？优先服务</translation>
    </message>
    <message>
        <location filename="../qml/screens/Menu.qml" line="36"/>
        <source>Other licence matters are handled at the service windows.</source>
        <translation>其他驾驶证业务请到服务窗口办理。</translation>
    </message>
</context>
<context>
    <name>NewTerm</name>
    <message>
        <location filename="../qml/screens/NewTerm.qml" line="10"/>
        <source>Your new licence</source>
        <translation>您的新驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/screens/NewTerm.qml" line="18"/>
        <source>Validity</source>
        <translation>有效期限</translation>
    </message>
    <message>
        <location filename="../qml/screens/NewTerm.qml" line="19"/>
        <source>Valid from</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <location filename="../qml/screens/NewTerm.qml" line="20"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../qml/screens/NewTerm.qml" line="21"/>
        <source>Classes</source>
        <translation>准驾车型</translation>
    </message>
    <message>
        <location filename="../qml/screens/NewTerm.qml" line="25"/>
        <source>The new term starts the day after your current licence ends, so renewing early loses nothing.</source>
        <translation>新有效期自原驾驶证有效期届满次日起算，提前换证不会缩短有效期。</translation>
    </message>
    <message>
        <location filename="../qml/screens/NewTerm.qml" line="31"/>
        <source>Because of your age, classes %1 become %2. Drivers over 60 may no longer drive large passenger or goods vehicles, and over 70 no longer some small vehicles and motorcycles.</source>
        <translation>因年龄原因，准驾车型由%1调整为%2。年满60周岁不得驾驶大中型客货车，年满70周岁不得驾驶部分小型车辆和摩托车。</translation>
    </message>
    <message>
        <location filename="../qml/screens/NewTerm.qml" line="36"/>
        <source>Your licence has expired. Do not drive until you have your new licence.</source>
        <translation>您的驾驶证已过期，领取新证前请勿驾驶。</translation>
    </message>
    <message>
        <location filename="../qml/screens/NewTerm.qml" line="48"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>OutOfService</name>
    <message>
        <location filename="../qml/screens/OutOfService.qml" line="18"/>
        <location filename="../qml/screens/OutOfService.qml" line="34"/>
        <source>This kiosk is out of service</source>
        <translation>本机暂停服务</translation>
    </message>
    <message>
        <location filename="../qml/screens/OutOfService.qml" line="24"/>
        <source>We are sorry. Please go to window %1, use another kiosk, or apply in the 交管12123 app.</source>
        <translation>非常抱歉。请到%1号窗口、使用其他自助机，或在交管12123 App办理。</translation>
    </message>
    <message>
        <location filename="../qml/screens/OutOfService.qml" line="29"/>
        <source>Staff have been told. (%1)</source>
        <translation>已通知工作人员。（%1）</translation>
    </message>
</context>
<context>
    <name>Paying</name>
    <message>
        <location filename="../qml/screens/Paying.qml" line="8"/>
        <source>Pay the fee of %1 yuan</source>
        <translation>请缴纳工本费%1元</translation>
    </message>
    <message>
        <location filename="../qml/screens/Paying.qml" line="10"/>
        <source>Scan the code with WeChat or Alipay and confirm the payment on your phone.</source>
        <translation>请用微信或支付宝扫码，并在手机上确认支付。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Paying.qml" line="25"/>
        <source>Payment QR code</source>
        <translation>支付二维码</translation>
    </message>
    <message>
        <location filename="../qml/screens/Paying.qml" line="28"/>
        <source>Waiting for your payment…</source>
        <translation>正在等待支付…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Paying.qml" line="28"/>
        <source>Preparing the payment…</source>
        <translation>正在准备支付…</translation>
    </message>
</context>
<context>
    <name>Photo</name>
    <message>
        <location filename="../qml/screens/Photo.qml" line="10"/>
        <source>Your photo</source>
        <translation>拍摄照片</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="13"/>
        <source>The camera is not working at the moment. Please wait a moment or ask staff.</source>
        <translation>摄像头暂时无法使用。请稍候，或请工作人员帮助。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="16"/>
        <source>Look straight at the camera, keep a neutral face with your eyes open, and take off any hat.</source>
        <translation>请正视摄像头，表情自然，睁开双眼，摘下帽子。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="33"/>
        <source>Camera preview</source>
        <translation>摄像头预览</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="54"/>
        <source>That photo was not good enough. Please try once more.</source>
        <translation>这张照片不符合要求，请再拍一次。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="63"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="70"/>
        <source>Ask staff for help</source>
        <translation>请工作人员帮助</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="15"/>
        <location filename="../qml/screens/Photo.qml" line="50"/>
        <source>Hold still…</source>
        <translation>请保持不动…</translation>
    </message>
    <message>
        <location filename="../qml/screens/Photo.qml" line="75"/>
        <source>Take the photo</source>
        <translation>拍照</translation>
    </message>
</context>
<context>
    <name>PhotoReview</name>
    <message>
        <location filename="../qml/screens/PhotoReview.qml" line="8"/>
        <source>Is this photo all right?</source>
        <translation>这张照片可以吗？</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReview.qml" line="20"/>
        <source>Your licence photo</source>
        <translation>您的驾驶证照片</translation>
    </message>
    <message numerus="yes">
        <location filename="../qml/screens/PhotoReview.qml" line="23"/>
        <source>You can take %n more photo(s).</source>
        <translation>
            <numerusform>您还可以重拍%n次。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReview.qml" line="30"/>
        <source>Take again</source>
        <translation>重拍</translation>
    </message>
    <message>
        <location filename="../qml/screens/PhotoReview.qml" line="37"/>
        <source>Use this photo</source>
        <translation>使用这张照片</translation>
    </message>
</context>
<context>
    <name>PlaceId</name>
    <message>
        <location filename="../qml/screens/PlaceId.qml" line="9"/>
        <source>Place your ID card on the reader</source>
        <translation>请将身份证放在读卡区</translation>
    </message>
    <message>
        <location filename="../qml/screens/PlaceId.qml" line="13"/>
        <source>The card was moved before we finished. Please put it back on the reader.</source>
        <translation>证件在读取完成前被移开了。请重新放到读卡区。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PlaceId.qml" line="14"/>
        <source>The card reader is not working. Please ask at a service window.</source>
        <translation>读卡器暂时无法使用。请到服务窗口咨询。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PlaceId.qml" line="15"/>
        <source>We could not read this card. Please put it back on the reader, or ask at a service window.</source>
        <translation>无法读取此证件。请重新放到读卡区，或到服务窗口咨询。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PlaceId.qml" line="19"/>
        <source>Lay the card flat on the reader below the screen and leave it there until we say so.</source>
        <translation>请将证件平放在屏幕下方的读卡区，提示前请勿移开。</translation>
    </message>
    <message>
        <location filename="../qml/screens/PlaceId.qml" line="29"/>
        <source>ID card</source>
        <translation>身份证</translation>
    </message>
</context>
<context>
    <name>PrintStatus</name>
    <message>
        <location filename="../qml/components/PrintStatus.qml" line="10"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../qml/components/PrintStatus.qml" line="11"/>
        <source>Please take your printed slip.</source>
        <translation>请取走打印的凭条。</translation>
    </message>
    <message>
        <location filename="../qml/components/PrintStatus.qml" line="12"/>
        <source>The slip could not be printed. The QR code on the screen holds the same information.</source>
        <translation>凭条未能打印。屏幕上的二维码包含相同信息。</translation>
    </message>
</context>
<context>
    <name>Reading</name>
    <message>
        <location filename="../qml/screens/Reading.qml" line="7"/>
        <source>Reading your card</source>
        <translation>正在读取证件</translation>
    </message>
    <message>
        <location filename="../qml/screens/Reading.qml" line="8"/>
        <source>Please leave the card on the reader.</source>
        <translation>请不要移开证件。</translation>
    </message>
</context>
<context>
    <name>Record</name>
    <message>
        <location filename="../qml/screens/Record.qml" line="8"/>
        <source>Your licence</source>
        <translation>您的驾驶证</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="16"/>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="17"/>
        <source>Licence number</source>
        <translation>驾驶证号</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="18"/>
        <source>Classes</source>
        <translation>准驾车型</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="19"/>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="19"/>
        <source>no time limit</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="20"/>
        <source>Issued by office</source>
        <translation>核发地</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="34"/>
        <source>New validity: %1</source>
        <translation>新有效期：%1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="34"/>
        <source>until %1</source>
        <translation>至%1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Record.qml" line="41"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
</context>
<context>
    <name>Referral</name>
    <message>
        <location filename="../qml/screens/Referral.qml" line="10"/>
        <source>Please go to window %1</source>
        <translation>请到%1号窗口办理</translation>
    </message>
    <message>
        <location filename="../qml/screens/Referral.qml" line="13"/>
        <source>Ticket: %1</source>
        <translation>号码：%1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Referral.qml" line="18"/>
        <source>Staff will handle your application in person. Please show them this ticket:</source>
        <translation>工作人员将为您现场办理。请向工作人员出示此号码：</translation>
    </message>
    <message>
        <location filename="../qml/screens/Referral.qml" line="24"/>
        <source>Ticket %1</source>
        <translation>号码%1</translation>
    </message>
    <message>
        <location filename="../qml/screens/Referral.qml" line="33"/>
        <source>QR code of the referral slip</source>
        <translation>转窗口凭条二维码</translation>
    </message>
    <message>
        <location filename="../qml/screens/Referral.qml" line="50"/>
        <source>Print again</source>
        <translation>重新打印</translation>
    </message>
    <message>
        <location filename="../qml/screens/Referral.qml" line="55"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Refused</name>
    <message>
        <location filename="../qml/screens/Refused.qml" line="15"/>
        <source>Please go to a service window</source>
        <translation>请到服务窗口办理</translation>
    </message>
    <message>
        <location filename="../qml/screens/Refused.qml" line="15"/>
        <source>This cannot be done at the kiosk</source>
        <translation>本机无法办理此业务</translation>
    </message>
    <message>
        <location filename="../qml/screens/Refused.qml" line="19"/>
        <source>Staff will handle your application in person:</source>
        <translation>工作人员将为您现场办理：</translation>
    </message>
    <message>
        <location filename="../qml/screens/Refused.qml" line="20"/>
        <source>We checked everything at once. Please see to all of the following:</source>
        <translation>我们已一次性完成全部核查，请处理以下所有事项：</translation>
    </message>
    <message>
        <location filename="../qml/screens/Refused.qml" line="47"/>
        <source>Print this list</source>
        <translation>打印此清单</translation>
    </message>
    <message>
        <location filename="../qml/screens/Refused.qml" line="52"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>Residence</name>
    <message>
        <location filename="../qml/screens/Residence.qml" line="10"/>
        <source>Where you live</source>
        <translation>居住地</translation>
    </message>
    <message>
        <location filename="../qml/screens/Residence.qml" line="11"/>
        <source>Issued by office</source>
        <translation>核发地</translation>
    </message>
    <message>
        <location filename="../qml/screens/Residence.qml" line="15"/>
        <source>Your licence was issued by another office, so this application also transfers it to this office.</source>
        <translation>您的驾驶证由外地核发，本次业务将同时办理转入。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Residence.qml" line="17"/>
        <source>Why are you applying at this office?</source>
        <translation>您在本地申请的原因是？</translation>
    </message>
    <message>
        <location filename="../qml/screens/Residence.qml" line="20"/>
        <source>My household registration (hukou) has moved here</source>
        <translation>户籍已迁入本地</translation>
    </message>
    <message>
        <location filename="../qml/screens/Residence.qml" line="26"/>
        <source>I live in this area</source>
        <translation>我在本地居住</translation>
    </message>
    <message>
        <location filename="../qml/screens/Residence.qml" line="34"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../qml/screens/Review.qml" line="8"/>
        <source>Check and confirm</source>
        <translation>核对并确认</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="16"/>
        <source>Your licence photo</source>
        <translation>您的驾驶证照片</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="20"/>
        <source>Service</source>
        <translation>业务</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="21"/>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="22"/>
        <source>Licence number</source>
        <translation>驾驶证号</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="23"/>
        <source>Delivery</source>
        <translation>领取方式</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="23"/>
        <source>By post</source>
        <translation>邮寄</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="23"/>
        <source>Collect at this office</source>
        <translation>到本所领取</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="24"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="25"/>
        <source>Fee</source>
        <translation>费用</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="25"/>
        <source>%1 yuan</source>
        <translation>%1元</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="29"/>
        <source>By confirming you declare the information is true. False information leads to refusal, a fine of up to 500 yuan and no new application for one year.</source>
        <translation>确认即表示您承诺所填信息真实。提供虚假材料的，不予受理，处五百元以下罚款，一年内不得再次申请。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="36"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <location filename="../qml/screens/Review.qml" line="41"/>
        <source>Confirm and submit</source>
        <translation>确认并提交</translation>
    </message>
</context>
<context>
    <name>ScreenFrame</name>
    <message>
        <location filename="../qml/components/ScreenFrame.qml" line="31"/>
        <source>Driving licence self-service</source>
        <translation>驾驶证自助服务</translation>
    </message>
    <message>
        <location filename="../qml/components/ScreenFrame.qml" line="91"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SelfDeclaration</name>
    <message>
        <location filename="../qml/screens/SelfDeclaration.qml" line="10"/>
        <source>Your physical condition</source>
        <translation>身体条件申报</translation>
    </message>
    <message>
        <location filename="../qml/screens/SelfDeclaration.qml" line="11"/>
        <source>Please confirm that all of this is true for you:</source>
        <translation>请确认以下各项均符合您的情况：</translation>
    </message>
    <message>
        <location filename="../qml/screens/SelfDeclaration.qml" line="14"/>
        <source>I can see well enough to drive (vision 4.9 or better; 5.0 for large vehicles), with glasses if I need them.</source>
        <translation>视力符合驾驶要求（对数视力表4.9以上，大型车5.0以上），可矫正。</translation>
    </message>
    <message>
        <location filename="../qml/screens/SelfDeclaration.qml" line="15"/>
        <source>I can tell red from green.</source>
        <translation>无红绿色盲。</translation>
    </message>
    <message>
        <location filename="../qml/screens/SelfDeclaration.qml" line="16"/>
        <source>I can hear well enough to tell where a sound comes from, with a hearing aid if I need one.</source>
        <translation>听力能辨别声源方向，可佩戴助听设备。</translation>
    </message>
    <message>
        <location filename="../qml/screens/SelfDeclaration.qml" line="17"/>
        <source>My arms and legs let me drive the vehicles of my licence classes.</source>
        <translation>上下肢条件满足准驾车型的驾驶要求。</translation>
    </message>
    <message>
        <location filename="../qml/screens/SelfDeclaration.qml" line="18"/>
        <source>I have none of the illnesses that bar driving, such as epilepsy, certain heart or mental illnesses, or drug dependence.</source>
        <translation>无妨碍安全驾驶的疾病，如癫痫、部分心脏病或精神疾病、吸毒成瘾等。</translation>
    </message>
    <message>
        <location filename="../qml/screens/SelfDeclaration.qml" line="25"/>
        <source>Not all of this is true for me</source>
        <translation>以上有不符合的情况</translation>
    </message>
    <message>
        <location filename="../qml/screens/SelfDeclaration.qml" line="35"/>
        <source>All of this is true</source>
        <translation>以上均属实</translation>
    </message>
</context>
<context>
    <name>StepActions</name>
    <message>
        <location filename="../qml/components/StepActions.qml" line="17"/>
        <source>Back</source>
        <translation>返回</translation>
    </message>
</context>
<context>
    <name>Submitting</name>
    <message>
        <location filename="../qml/screens/Submitting.qml" line="7"/>
        <source>Submitting your application</source>
        <translation>正在提交申请</translation>
    </message>
    <message>
        <location filename="../qml/screens/Submitting.qml" line="9"/>
        <source>Please wait and keep your ID card with you.</source>
        <translation>请稍候，并收好您的身份证。</translation>
    </message>
</context>
<context>
    <name>Texts</name>
    <message>
        <location filename="../qml/Texts.qml" line="8"/>
        <source>Renew an expiring licence</source>
        <translation>期满换证</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="9"/>
        <source>Replace a damaged licence</source>
        <translation>损毁换证</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="10"/>
        <source>Transfer a licence to this city</source>
        <translation>转入换证</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="11"/>
        <source>Replace a lost licence</source>
        <translation>遗失补证</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="17"/>
        <source>You can replace this licence here. The fee is %1 yuan.</source>
        <translation>您可以在本机办理换证，工本费%1元。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="18"/>
        <source>You can transfer this licence to this office here. The fee is %1 yuan.</source>
        <translation>您可以在本机办理驾驶证转入，工本费%1元。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="19"/>
        <source>You can have this licence reissued here. The fee is %1 yuan.</source>
        <translation>您可以在本机办理补证，工本费%1元。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="21"/>
        <source>You can renew this licence here. The fee is %1 yuan.</source>
        <translation>您可以在本机办理换证，工本费%1元。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="25"/>
        <source>We found no driving licence for this ID document.</source>
        <translation>未查到与此证件对应的驾驶证。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="26"/>
        <source>The ID document does not match the licence record.</source>
        <translation>身份证件与驾驶证档案信息不符。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="27"/>
        <source>This licence has been revoked.</source>
        <translation>驾驶证已被撤销或吊销。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="28"/>
        <source>This licence has been cancelled.</source>
        <translation>驾驶证已注销。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="29"/>
        <source>This licence is suspended.</source>
        <translation>驾驶证处于暂扣状态。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="30"/>
        <source>This licence is held by the police.</source>
        <translation>驾驶证处于扣押或扣留状态。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="31"/>
        <source>This licence is stopped or locked.</source>
        <translation>驾驶证已停止使用或被锁定。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="32"/>
        <source>This licence has been transferred out.</source>
        <translation>驾驶证已转出。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="33"/>
        <source>The licence inspection is overdue.</source>
        <translation>驾驶证逾期未审验。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="34"/>
        <source>Renewal opens 90 days before the licence expires.</source>
        <translation>有效期满前90日内方可申请换证。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="35"/>
        <source>The licence expired more than a year ago.</source>
        <translation>驾驶证已过期超过一年。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="36"/>
        <source>There are traffic violations still to be settled.</source>
        <translation>有交通违法行为尚未处理完毕。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="37"/>
        <source>There are traffic accidents still to be settled.</source>
        <translation>有交通事故尚未处理完毕。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="38"/>
        <source>No valid physical-condition certificate from the last 6 months.</source>
        <translation>没有近6个月内有效的身体条件证明。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="39"/>
        <source>Road-safety study and an exam are required first.</source>
        <translation>需先参加道路交通安全学习和考试。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="40"/>
        <source>This licence is already registered with this office.</source>
        <translation>驾驶证已在本地车管所登记。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="41"/>
        <source>Several replacements in a short time must be handled at a service window.</source>
        <translation>短期内多次补换证，须到服务窗口办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="42"/>
        <source>A renewal this late must be made at the office that issued the licence.</source>
        <translation>逾期这么久的换证须到核发地车管所办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="43"/>
        <source>You told us a physical condition may affect your driving.</source>
        <translation>您申报的身体条件可能影响安全驾驶。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="47"/>
        <source>The licence system gave a reason we cannot show here (%1).</source>
        <translation>业务系统返回了无法在此显示的原因（%1）。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="53"/>
        <source>Please ask at window %1.</source>
        <translation>请到%1号窗口咨询。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="67"/>
        <source>Please ask at window %1; staff will help you.</source>
        <translation>请到%1号窗口，工作人员将为您办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="98"/>
        <source>Type the numbers printed on your card.</source>
        <translation>请输入证件上印着的号码。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="54"/>
        <source>Please come back within 90 days of the expiry date.</source>
        <translation>请在有效期满前90日内再来办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="44"/>
        <source>The chip of your ID document could not be confirmed as genuine.</source>
        <translation>无法确认您证件芯片的真实性。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="45"/>
        <source>Your photo and the photo on your ID document&apos;s chip do not look alike enough.</source>
        <translation>您现场拍摄的照片与证件芯片中的照片相似度不足。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="56"/>
        <source>Settle them at the traffic police or in the 12123 app, then come back.</source>
        <translation>请到交警部门或通过交管12123处理完毕后再来办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="58"/>
        <source>Have a check-up at an approved hospital; the certificate reaches us online.</source>
        <translation>请到指定医院体检，体检证明将联网传送。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="59"/>
        <source>Complete the study and exam, then come back.</source>
        <translation>请完成学习和考试后再来办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="60"/>
        <source>Choose renewal or replacement instead.</source>
        <translation>请改选换证或补证业务。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="61"/>
        <source>Please go to the office that issued your licence.</source>
        <translation>请到核发地车管所办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="62"/>
        <source>Staff will check your physical condition with you; you may need a hospital check-up.</source>
        <translation>工作人员将与您核实身体条件，您可能需要到医院体检。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="63"/>
        <source>Staff will check your ID document by hand. This happens with worn or older chips too.</source>
        <translation>工作人员将人工核验您的证件。芯片磨损或较旧时也会出现这种情况。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="64"/>
        <source>Staff will compare your face with your ID document; glasses, light or age can make a machine unsure.</source>
        <translation>工作人员将当面核对您与证件照片；眼镜、光线或年龄变化都可能让机器无法确定。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="65"/>
        <source>Please bring your ID card; staff will check the application with you.</source>
        <translation>请携带身份证，工作人员将与您核实申请。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="71"/>
        <source>Your new licence will be valid for 10 years.</source>
        <translation>新驾驶证有效期为10年。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="72"/>
        <source>Your new licence will be valid without time limit.</source>
        <translation>新驾驶证有效期为长期。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="73"/>
        <source>Because of your age, some licence classes will change.</source>
        <translation>因年龄原因，部分准驾车型将调整。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="74"/>
        <source>Your licence was issued elsewhere; it will also be transferred here.</source>
        <translation>您的驾驶证由外地核发，将同时办理转入。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="75"/>
        <source>Your old card becomes invalid and must not be used.</source>
        <translation>原驾驶证作废，不得继续使用。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="76"/>
        <source>Your licence has expired: do not drive until the new one arrives.</source>
        <translation>您的驾驶证已过期：领取新证前请勿驾驶。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="82"/>
        <source>The licence system cannot be reached right now.</source>
        <translation>暂时无法连接驾驶证业务系统。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="83"/>
        <source>This kiosk is not connected properly.</source>
        <translation>本机连接配置有误。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="84"/>
        <source>The licence system gave an answer we could not understand.</source>
        <translation>业务系统返回的信息无法识别。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="85"/>
        <source>The licence system did not accept the application.</source>
        <translation>驾驶证业务系统未受理此申请。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="86"/>
        <source>The payment was declined.</source>
        <translation>支付未成功。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="87"/>
        <source>Staff will take your photo at a service window.</source>
        <translation>工作人员将在服务窗口为您拍照。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="88"/>
        <source>The payment was not completed in time.</source>
        <translation>未在规定时间内完成支付。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="89"/>
        <source>We have not received your payment yet.</source>
        <translation>尚未收到您的付款。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="91"/>
        <source>Something went wrong on this kiosk.</source>
        <translation>本机出现故障。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="96"/>
        <source>Touch what you want to do.</source>
        <translation>请点您要办的业务。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="97"/>
        <source>Put your ID card on the reader.</source>
        <translation>请把身份证放在读卡区。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="99"/>
        <source>Please wait.</source>
        <translation>请稍等。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="100"/>
        <source>Read this, then touch the blue button.</source>
        <translation>看完后，请点蓝色按钮。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="101"/>
        <source>This must be done at a service window.</source>
        <translation>这项业务请到服务窗口办理。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="102"/>
        <source>Please go to the window shown.</source>
        <translation>请到屏幕上写的窗口。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="104"/>
        <source>If all of this is true, touch the blue button.</source>
        <translation>如果都属实，请点蓝色按钮。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="105"/>
        <source>Touch the reason that fits you.</source>
        <translation>请点符合您情况的原因。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="106"/>
        <source>Put your old licence in the box, then touch the blue button.</source>
        <translation>请把旧驾驶证投进回收箱，再点蓝色按钮。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="107"/>
        <source>Look at the camera and keep still.</source>
        <translation>请看着摄像头，不要动。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="108"/>
        <source>If the photo is good, touch the blue button.</source>
        <translation>照片满意的话，请点蓝色按钮。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="109"/>
        <source>Choose post or collect, and type your phone number.</source>
        <translation>请选邮寄或自取，再输入手机号。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="110"/>
        <source>Check, then touch the blue button.</source>
        <translation>请核对，然后点蓝色按钮。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="111"/>
        <source>Scan the code with your phone and pay.</source>
        <translation>请用手机扫码付款。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="112"/>
        <source>The payment did not arrive.</source>
        <translation>没有收到付款。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="113"/>
        <source>Finished. Please take your ID card.</source>
        <translation>办好了，请拿好身份证。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="114"/>
        <source>Sorry. Please go to a service window.</source>
        <translation>对不起，请到服务窗口。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="115"/>
        <source>Touch what you need.</source>
        <translation>请点您需要的帮助。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="116"/>
        <source>Help is coming.</source>
        <translation>马上有人来帮您。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="121"/>
        <source>False statements: the application is refused, a fine of up to 500 yuan, and no new application for one year.</source>
        <translation>提供虚假申请材料的，不予受理，处500元以下罚款，一年内不得再次申请。</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="124"/>
        <source>no time limit</source>
        <translation>长期</translation>
    </message>
    <message>
        <location filename="../qml/Texts.qml" line="124"/>
        <source>%1 years</source>
        <translation>%1年</translation>
    </message>
</context>
<context>
    <name>Unpaid</name>
    <message>
        <location filename="../qml/screens/Unpaid.qml" line="8"/>
        <source>The fee was not paid</source>
        <translation>费用未支付</translation>
    </message>
    <message>
        <location filename="../qml/screens/Unpaid.qml" line="12"/>
        <source>Your application has not been submitted. If you paid on your phone, perhaps on another phone, touch &quot;I have paid&quot; and we check again; otherwise you can try the payment again.</source>
        <translation>您的申请尚未提交。如您已用手机（包括其他手机）付款，请点“我已付款”重新查询；否则可以重新支付。</translation>
    </message>
    <message>
        <location filename="../qml/screens/Unpaid.qml" line="19"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../qml/screens/Unpaid.qml" line="25"/>
        <source>I have paid</source>
        <translation>我已付款</translation>
    </message>
    <message>
        <location filename="../qml/screens/Unpaid.qml" line="30"/>
        <source>Try the payment again</source>
        <translation>重新支付</translation>
    </message>
</context>
</TS>

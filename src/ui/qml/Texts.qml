pragma Singleton
import QtQuick

// Plain-language words for the machine codes of DESIGN.md §4.3: what it means, and what to do.
QtObject {
    function service(name) {
        switch (name) {
        case "renewal": return qsTr("Renew an expiring licence")
        case "damaged": return qsTr("Replace a damaged licence")
        case "transfer-in": return qsTr("Transfer a licence to this city")
        case "lost": return qsTr("Replace a lost licence")
        }
        return name
    }
    function canDo(name) {
        switch (name) {
        case "damaged": return qsTr("You can replace this licence here. The fee is %1 yuan.")
        case "transfer-in": return qsTr("You can transfer this licence to this office here. The fee is %1 yuan.")
        case "lost": return qsTr("You can have this licence reissued here. The fee is %1 yuan.")
        }
        return qsTr("You can renew this licence here. The fee is %1 yuan.")
    }
    function reason(code) {
        switch (code) {
        case "NO_LICENCE": return qsTr("We found no driving licence for this ID document.")
        case "IDENTITY_MISMATCH": return qsTr("The ID document does not match the licence record.")
        case "LICENCE_REVOKED": return qsTr("This licence has been revoked.")
        case "LICENCE_CANCELLED": return qsTr("This licence has been cancelled.")
        case "LICENCE_SUSPENDED": return qsTr("This licence is suspended.")
        case "LICENCE_SEIZED": return qsTr("This licence is held by the police.")
        case "LICENCE_STOPPED": return qsTr("This licence is stopped or locked.")
        case "LICENCE_TRANSFERRED_OUT": return qsTr("This licence has been transferred out.")
        case "INSPECTION_OVERDUE": return qsTr("The licence inspection is overdue.")
        case "TOO_EARLY": return qsTr("Renewal opens 90 days before the licence expires.")
        case "EXPIRED_OVER_ONE_YEAR": return qsTr("The licence expired more than a year ago.")
        case "UNHANDLED_VIOLATIONS": return qsTr("There are traffic violations still to be settled.")
        case "UNHANDLED_ACCIDENTS": return qsTr("There are traffic accidents still to be settled.")
        case "MEDICAL_CERTIFICATE_MISSING": return qsTr("No valid physical-condition certificate from the last 6 months.")
        case "STUDY_REQUIRED": return qsTr("Road-safety study and an exam are required first.")
        case "ALREADY_LOCAL": return qsTr("This licence is already registered with this office.")
        case "FREQUENT_REISSUE": return qsTr("Several replacements in a short time must be handled at a service window.")
        case "LATE_RENEWAL_HOME_OFFICE": return qsTr("A renewal this late must be made at the office that issued the licence.")
        case "SELF_DECLARED_CONDITION": return qsTr("You told us a physical condition may affect your driving.")
        case "DOCUMENT_NOT_GENUINE": return qsTr("The chip of your ID document could not be confirmed as genuine.")
        case "FACE_MISMATCH": return qsTr("Your photo and the photo on your ID document's chip do not look alike enough.")
        }
        return qsTr("The licence system gave a reason we cannot show here (%1).").arg(code)
    }
    // `window`: the staffed window this kiosk sends citizens to, so the answer says where, not only what.
    function action(code, window) {
        switch (code) {
        case "NO_LICENCE": case "IDENTITY_MISMATCH": case "LICENCE_TRANSFERRED_OUT":
            return qsTr("Please ask at window %1.").arg(window)
        case "TOO_EARLY": return qsTr("Please come back within 90 days of the expiry date.")
        case "UNHANDLED_VIOLATIONS": case "UNHANDLED_ACCIDENTS":
            return qsTr("Settle them at the traffic police or in the 12123 app, then come back.")
        case "MEDICAL_CERTIFICATE_MISSING":
            return qsTr("Have a check-up at an approved hospital; the certificate reaches us online.")
        case "STUDY_REQUIRED": return qsTr("Complete the study and exam, then come back.")
        case "ALREADY_LOCAL": return qsTr("Choose renewal or replacement instead.")
        case "LATE_RENEWAL_HOME_OFFICE": return qsTr("Please go to the office that issued your licence.")
        case "SELF_DECLARED_CONDITION": return qsTr("Staff will check your physical condition with you; you may need a hospital check-up.")
        case "DOCUMENT_NOT_GENUINE": return qsTr("Staff will check your ID document by hand. This happens with worn or older chips too.")
        case "FACE_MISMATCH": return qsTr("Staff will compare your face with your ID document; glasses, light or age can make a machine unsure.")
        case "FREQUENT_REISSUE": return qsTr("Please bring your ID card; staff will check the application with you.")
        }
        return qsTr("Please ask at window %1; staff will help you.").arg(window)
    }
    function notice(code) {
        switch (code) {
        case "NEW_TERM_10Y": return qsTr("Your new licence will be valid for 10 years.")
        case "NEW_TERM_LONG": return qsTr("Your new licence will be valid without time limit.")
        case "CLASS_DOWNGRADE_AGE": return qsTr("Because of your age, some licence classes will change.")
        case "TREATED_AS_TRANSFER_IN": return qsTr("Your licence was issued elsewhere; it will also be transferred here.")
        case "OLD_CARD_VOID": return qsTr("Your old card becomes invalid and must not be used.")
        case "LATE_RENEWAL": return qsTr("Your licence has expired: do not drive until the new one arrives.")
        }
        return code
    }
    function failure(code) {
        switch (code) {
        case "UNAVAILABLE": return qsTr("The licence system cannot be reached right now.")
        case "UNAUTHORISED": return qsTr("This kiosk is not connected properly.")
        case "PROTOCOL_ERROR": return qsTr("The licence system gave an answer we could not understand.")
        case "REJECTED": return qsTr("The licence system did not accept the application.")
        case "PAYMENT_DECLINED": return qsTr("The payment was declined.")
        case "PHOTO_NEEDS_STAFF": return qsTr("Staff will take your photo at a service window.")
        case "PAYMENT_EXPIRED": return qsTr("The payment was not completed in time.")
        case "PAYMENT_TIMEOUT": return qsTr("We have not received your payment yet.")
        }
        return qsTr("Something went wrong on this kiosk.")
    }
    // Care mode's plain-words instruction for each screen: one short sentence of what to do now.
    function simple(screen) {
        switch (screen) {
        case "menu": return qsTr("Touch what you want to do.")
        case "place_id": return qsTr("Put your ID card on the reader.")
        case "access_key": return qsTr("Type the numbers printed on your card.")
        case "reading": case "checking": case "submitting": case "capturing": return qsTr("Please wait.")
        case "record": case "certificate": case "new_term": return qsTr("Read this, then touch the blue button.")
        case "refused": return qsTr("This must be done at a service window.")
        case "referral": return qsTr("Please go to the window shown.")
        case "damage_declaration": case "loss_declaration": case "self_declaration":
            return qsTr("If all of this is true, touch the blue button.")
        case "residence": return qsTr("Touch the reason that fits you.")
        case "hand_in": return qsTr("Put your old licence in the box, then touch the blue button.")
        case "photo": return qsTr("Look at the camera and keep still.")
        case "photo_review": return qsTr("If the photo is good, touch the blue button.")
        case "delivery": return qsTr("Choose post or collect, and type your phone number.")
        case "review": return qsTr("Check, then touch the blue button.")
        case "paying": return qsTr("Scan the code with your phone and pay.")
        case "unpaid": return qsTr("The payment did not arrive.")
        case "done": return qsTr("Finished. Please take your ID card.")
        case "failed": return qsTr("Sorry. Please go to a service window.")
        case "help": return qsTr("Touch what you need.")
        case "help_sent": return qsTr("Help is coming.")
        }
        return ""
    }
    function falseStatement() {
        return qsTr("False statements: the application is refused, a fine of up to 500 yuan, and no new application for one year.")
    }
    function term(value) {
        return value === "long" ? qsTr("no time limit") : qsTr("%1 years").arg(value)
    }
}

package dev.refer.core.mail;

import dev.refer.core.basics.email.EmailAddress;

import java.util.Locale;

/**
 * One email the program sends, as data: the mail adapter renders each kind (HTML and plain text from the same data,
 * every value escaped) and sends it. New kinds of letters are new records here.
 */
public sealed interface Letter permits StatementLetter, RunSummaryLetter, CheckinLetter, CheckinSummaryLetter,
        BroadcastLetter, NotificationLetter, LeadAlertLetter, LeadDigestLetter, ApplicationReceiptLetter,
        NewApplicationLetter, WelcomeLetter, InvitationLetter, ApplicationRejectedLetter, TermsUpdatedLetter,
        SignInLetter, PayoutDetailsChangedLetter, WebhookEndpointDisabledLetter {

    EmailAddress to();

    /** The language and formats of dates and amounts. */
    Locale locale();

    /** A short name of the kind, for logs and the send log. */
    String kind();

    /**
     * The signed one-click unsubscribe link of a letter a partner may opt out of (RFC 8058: sent as
     * {@code List-Unsubscribe} with {@code List-Unsubscribe-Post}); null for transactional mail, which always goes.
     */
    default String unsubscribeUrl() {
        return null;
    }
}

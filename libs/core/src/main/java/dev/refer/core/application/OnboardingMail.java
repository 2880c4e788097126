package dev.refer.core.application;

import dev.refer.core.partner.PartnerId;

/**
 * The onboarding emails, handed to the mail queue: the requests that cause them (a public form, an admin action)
 * only say what happened, and the mail worker writes each email once through the send log ({@link OnboardingLetters}).
 * A request retried after a failure says it again; the send log keeps it to one email.
 */
public interface OnboardingMail {

    /** An application arrived: the applicant's receipt and the program manager's notice. */
    void received(ApplicationId id);

    /** An application was decided: the welcome (approved) or the courteous no (rejected). */
    void decided(ApplicationId id);

    /** The program manager invited a partner: the invitation. */
    void invited(PartnerId partnerId);
}

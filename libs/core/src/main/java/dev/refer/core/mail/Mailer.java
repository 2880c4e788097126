package dev.refer.core.mail;

/** Sends rendered letters (the mail adapter: templates and SES). */
public interface Mailer {

    /**
     * Sends the letter; returns the mail service's message id.
     *
     * @throws MailRefused   the mail service answered that it did not send it (nothing went out; may be retried)
     * @throws MailUncertain the outcome is unknown (the request may or may not have been acted on)
     */
    String send(Letter letter);

    /** Nothing was sent. */
    final class MailRefused extends RuntimeException {
        private final boolean throttled;

        public MailRefused(String message, Throwable cause) {
            this(message, cause, false);
        }

        /** @param throttled the mail service refused for the account's send rate: the same send goes through later */
        public MailRefused(String message, Throwable cause, boolean throttled) {
            super(message, cause);
            this.throttled = throttled;
        }

        public boolean throttled() {
            return throttled;
        }
    }

    /** It may have been sent. */
    final class MailUncertain extends RuntimeException {
        public MailUncertain(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

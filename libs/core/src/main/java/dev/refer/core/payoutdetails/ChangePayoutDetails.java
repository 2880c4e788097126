package dev.refer.core.payoutdetails;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.basics.validation.Rules;
import dev.refer.core.mail.Mailer;
import dev.refer.core.mail.PayoutDetailsChangedLetter;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.PayoutSettings;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A partner sets where their money goes. The details are checked (an IBAN's check digits, a BIC's shape, a PayPal
 * address), stored sealed as a new version (compare-and-set on the version read, so two tabs saving at once cannot
 * lose a change silently), and every change is told to the partner by email, once per version
 * ({@code payout-details#{partnerId}#{version}} in the send log: a retry after a crash sends nothing twice). Saving the
 * same details again changes nothing and sends nothing.
 */
public final class ChangePayoutDetails {

    /** The form or JSON body as sent: {@code method} picks which of the other fields count. */
    public record Command(PartnerId partnerId, String method, String holder, String iban, String bic,
                          String paypalEmail) {
        public Command {
            Objects.requireNonNull(partnerId, "partnerId");
        }
    }

    public sealed interface Result {
        /**
         * Stored as a new version; {@code mail} says whether the partner's notice went out (null: the mail service
         * refused it, the change stands).
         */
        record Changed(PayoutDetailsBook.Stored stored, SendOnce.Outcome mail) implements Result {
        }

        /** The same details as stored: nothing changed, nothing sent. */
        record Unchanged(PayoutDetailsBook.Stored stored) implements Result {
        }

        /** Another change was saved meanwhile, twice in a row: the partner should reload and try again. */
        record Busy() implements Result {
        }

        record PartnerNotFound() implements Result {
        }
    }

    /** Longest value accepted in any field before it is checked (the form's limit). */
    public static final int MAX_FIELD = 254;
    private static final int ATTEMPTS = 2;

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final PayoutDetailsBook book;
    private final SendOnce mail;
    private final Clock clock;

    public ChangePayoutDetails(ProgramId programId, ProgramRepository programs, PartnerRepository partners,
                               PayoutDetailsBook book, SendOnce mail, Clock clock) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.book = book;
        this.mail = mail;
        this.clock = clock;
    }

    /** The details the command describes, checked. @throws Invalid naming each field that breaks a rule */
    public static PayoutDetails check(Command c) {
        Rules rules = Rules.check();
        for (String[] field : new String[][]{{"method", c.method()}, {"holder", c.holder()}, {"iban", c.iban()},
                {"bic", c.bic()}, {"paypalEmail", c.paypalEmail()}}) {
            rules.maxLength(field[1], MAX_FIELD, field[0]);
        }
        rules.orThrow();
        PayoutMethod method = rules.value("method", () -> PayoutMethod.fromWire(c.method()));
        rules.orThrow();
        PayoutDetails details = switch (method) {
            case BANK_TRANSFER -> {
                Iban iban = rules.value("iban", () -> new Iban(c.iban()));
                Bic bic = rules.value("bic", () -> new Bic(c.bic()));
                String holder = Rules.text(c.holder());
                rules.require(holder != null, "holder", "is required");
                rules.orThrow();
                yield rules.value("holder", () -> new PayoutDetails.BankTransfer(holder, iban, bic));
            }
            case PAYPAL -> {
                String email = Rules.text(c.paypalEmail());
                rules.require(email != null, "paypalEmail", "is required");
                rules.orThrow();
                yield rules.value("paypalEmail", () -> new PayoutDetails.PayPal(new EmailAddress(email)));
            }
        };
        rules.orThrow();
        return details;
    }

    public Result change(Command command) {
        PayoutDetails details = check(command);
        Partner partner = partners.find(command.partnerId()).orElse(null);
        if (partner == null) {
            return new Result.PartnerNotFound();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<PayoutDetailsBook.Stored> current = book.find(partner.id());
            if (current.isPresent() && current.get().details().equals(details)) {
                return new Result.Unchanged(current.get());
            }
            Instant now = clock.instant();
            Optional<PayoutDetailsBook.Stored> saved = book.save(partner.id(), details,
                    current.map(PayoutDetailsBook.Stored::version).orElse(0L), now);
            if (saved.isPresent()) {
                return new Result.Changed(saved.get(), tell(partner, saved.get()));
            }
        }
        return new Result.Busy();
    }

    private SendOnce.Outcome tell(Partner partner, PayoutDetailsBook.Stored stored) {
        Locale locale = programs.find(programId).map(Program::payouts).map(PayoutSettings::locale)
                .orElse(Locale.US);
        String key = "payout-details#" + partner.id().value() + "#" + stored.version();
        try {
            return mail.send(key, partner.id(), new PayoutDetailsChangedLetter(partner.email(), locale,
                    partner.name(), stored.details().method().label(), stored.details().masked(),
                    stored.updatedAt()));
        } catch (Mailer.MailRefused e) {
            return null; // the change stands; the notice did not go out (the send log shows no SENT record)
        } catch (Mailer.MailUncertain e) {
            return SendOnce.Outcome.UNCERTAIN;
        }
    }
}

package dev.refer.mail;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.Topic;
import dev.refer.core.mail.ApplicationReceiptLetter;
import dev.refer.core.mail.ApplicationRejectedLetter;
import dev.refer.core.mail.BroadcastLetter;
import dev.refer.core.mail.InvitationLetter;
import dev.refer.core.mail.NewApplicationLetter;
import dev.refer.core.mail.TermsUpdatedLetter;
import dev.refer.core.mail.WelcomeLetter;
import dev.refer.core.mail.CheckinLetter;
import dev.refer.core.mail.CheckinSummaryLetter;
import dev.refer.core.mail.LeadAlertLetter;
import dev.refer.core.mail.LeadDigestLetter;
import dev.refer.core.mail.Letter;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.mail.PayoutDetailsChangedLetter;
import dev.refer.core.mail.RunSummaryLetter;
import dev.refer.core.mail.WebhookEndpointDisabledLetter;
import dev.refer.core.mail.SignInLetter;
import dev.refer.core.mail.StatementLetter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One email of each kind, rendered by the real templates, next to the copies in {@code docs/emails/} that
 * {@code docs/communications.md} shows: a template change that is not in the samples fails here. {@code -Drefer.emails.write=true} rewrites them.
 */
class EmailSamplesTest {

    private static final Path SAMPLES = Path.of("..", "..", "docs", "emails");
    private static final EmailAddress ADA = new EmailAddress("ada@partner.example");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final String UNSUBSCRIBE = "https://api.acme.example/unsubscribe?t=sample";

    private static CommsSettings settings() {
        return new CommsSettings("Acme Partners", "Finance teams of 20 to 200 people",
                "Closes the books in a day instead of a week", List.of("No setup fee", "Live in a week"), List.of(),
                List.of(new CommsSettings.Resource("Pitch deck", "https://acme.example/deck.pdf")),
                new CommsSettings.Note(OCTOBER, "Webinar on the 12th: bring a client"), 3, null,
                CommsSettings.DEFAULT_NOTIFICATIONS_PER_DAY);
    }

    private static CheckinLetter checkin(CheckinLetter.Variant variant, CheckinLetter.Numbers numbers,
                                         CheckinLetter.Thanks thanks) {
        return new CheckinLetter(ADA, Locale.US, "Acme Partners", "Ada Lovelace", OCTOBER, variant, numbers,
                List.of(new CheckinLetter.LinkLine("ada-newsletter", "https://go.acme.example/ada-newsletter", 412),
                        new CheckinLetter.LinkLine("ada-linkedin", "https://go.acme.example/ada-linkedin", 37)),
                new CheckinLetter.NextPayout(LocalDate.of(2026, 12, 1), eur(24_000), eur(5_000), eur(0)),
                settings().material(), "Webinar on the 12th: bring a client", thanks,
                List.of("Ada Lovelace", "Grace & Co"),
                UNSUBSCRIBE);
    }

    private static Money eur(long minor) {
        return Money.of(minor, "EUR");
    }

    private static Map<String, Letter> samples() {
        Map<String, Letter> samples = new LinkedHashMap<>();
        samples.put("statement", new StatementLetter(ADA, Locale.US, "Ada Lovelace", "Acme Partners",
                OCTOBER, "2026-10-EUR-01JD0000000000000000000000",
                List.of(new StatementLetter.Line(LocalDate.of(2026, 9, 5), "SALE", "inv-1001", "20 % of the sale",
                                eur(24_000), false),
                        new StatementLetter.Line(LocalDate.of(2026, 8, 1), "REVERSAL", "inv-0907", "refund of inv-0907",
                                eur(-5_000), true)),
                eur(19_000), "Paid by bank transfer within 10 days."));
        samples.put("payout-details-changed", new PayoutDetailsChangedLetter(ADA, Locale.US, "Ada Lovelace",
                "Bank transfer", "DE89 **** **** **** **** 00", Instant.parse("2026-11-23T10:15:00Z")));
        samples.put("webhook-endpoint-disabled", new WebhookEndpointDisabledLetter(
                new EmailAddress("manager@acme.example"), Locale.US, "Acme Partners", "01JE5Y8M2Q0000000000000000",
                "https://crm.acme.example/hooks/refer", "HubSpot", Instant.parse("2026-11-20T08:00:00Z"),
                Instant.parse("2026-11-23T08:05:00Z"), "HTTP 503"));
        samples.put("payout-run-summary", new RunSummaryLetter(new EmailAddress("manager@acme.example"), Locale.US,
                "Acme Partners", OCTOBER, 120, 87, List.of(eur(1_234_500)), "/admin/payouts.csv?period=2026-10"));
        CheckinLetter.Numbers good = new CheckinLetter.Numbers(449, 6, 3, 1, 2, 2, eur(240_000), eur(48_000),
                eur(24_000), eur(120_000));
        CheckinLetter.Numbers none = new CheckinLetter.Numbers(0, 0, 0, 0, 0, 0, eur(0), eur(0), eur(0), eur(0));
        samples.put("checkin-top-partner", checkin(CheckinLetter.Variant.SUMMARY, good, new CheckinLetter.Thanks(1, 0)));
        samples.put("checkin-onboarding", checkin(CheckinLetter.Variant.ONBOARDING, none, null));
        samples.put("checkin-no-clicks", checkin(CheckinLetter.Variant.NO_CLICKS, none, null));
        samples.put("checkin-no-leads", checkin(CheckinLetter.Variant.NO_LEADS,
                new CheckinLetter.Numbers(37, 0, 0, 0, 0, 0, eur(0), eur(0), eur(0), eur(0)), null));
        samples.put("checkin-poor-fit", checkin(CheckinLetter.Variant.POOR_FIT,
                new CheckinLetter.Numbers(212, 9, 1, 6, 1, 1, eur(120_000), eur(12_000), eur(12_000), eur(0)), null));
        samples.put("checkin-summary", new CheckinSummaryLetter(new EmailAddress("manager@acme.example"), Locale.US,
                "Acme Partners", OCTOBER, 1_204, 87, eur(9_876_500),
                List.of(new CheckinSummaryLetter.Top(1, false, "Ada Lovelace", "ada@partner.example", eur(240_000),
                                true),
                        new CheckinSummaryLetter.Top(2, true, "Grace & Co", "grace@partner.example", eur(180_000), true),
                        new CheckinSummaryLetter.Top(2, true, "Linus T.", "linus@partner.example", eur(180_000),
                                false))));
        samples.put("broadcast", new BroadcastLetter(ADA, Locale.US, "Acme Partners", "Ada Lovelace",
                "Partner training on December 3", "Join us for a 30-minute training on the new pricing.\n\n"
                + "Bring your questions: we will answer them live.", false, UNSUBSCRIBE));
        samples.put("notification", new NotificationLetter(ADA, Locale.US, "Acme Partners", "Ada Lovelace",
                Topic.COMMISSIONS.wireName(), List.of(new NotificationLetter.Event(
                NotificationLetter.What.COMMISSION_EARNED, Instant.parse("2026-11-02T10:15:00Z"), "inv-1001", eur(24_000), "20 % of the sale")), null,
                UNSUBSCRIBE));
        List<NotificationLetter.Event> leads = new ArrayList<>();
        leads.add(new NotificationLetter.Event(NotificationLetter.What.LEAD_NEW, Instant.parse("2026-11-02T09:00:00Z"),
                "Jane Doe (Client Co)", null, null));
        leads.add(new NotificationLetter.Event(NotificationLetter.What.LEAD_QUALIFIED,
                Instant.parse("2026-11-02T15:30:00Z"), "Jane Doe (Client Co)", null, null));
        leads.add(new NotificationLetter.Event(NotificationLetter.What.LEAD_REJECTED,
                Instant.parse("2026-11-02T16:00:00Z"), "Max Mustermann", null, "an existing customer"));
        samples.put("digest", new NotificationLetter(ADA, Locale.US, "Acme Partners", "Ada Lovelace",
                Topic.LEADS.wireName(), leads, LocalDate.of(2026, 11, 2), UNSUBSCRIBE));
        samples.put("lead-alert", new LeadAlertLetter(new EmailAddress("sales@acme.example"), Locale.US,
                "Acme Partners", "01JD0000000000000000000001", "Jane Doe", "jane@client.example", "Client Co",
                "Ada Lovelace", "ada@partner.example", Instant.parse("2026-11-02T09:00:00Z")));
        samples.put("lead-digest", new LeadDigestLetter(new EmailAddress("sales@acme.example"), Locale.US,
                "Acme Partners", LocalDate.of(2026, 11, 2), List.of(
                        new LeadDigestLetter.Line("01JD0000000000000000000021", "Sam Roe", "sam@roe.example", null,
                                "Ada Lovelace", Instant.parse("2026-11-02T14:00:00Z")),
                        new LeadDigestLetter.Line("01JD0000000000000000000022", "Li Wei", "li@wei.example",
                                "Wei Trading", "Ada Lovelace", Instant.parse("2026-11-02T14:05:00Z")),
                        new LeadDigestLetter.Line("01JD0000000000000000000023", "Ola Nordmann",
                                "ola@nordmann.example", "Nordmann AS", "Ada Lovelace",
                                Instant.parse("2026-11-02T14:07:00Z"))), 3, 20));
        samples.put("application-receipt", new ApplicationReceiptLetter(ADA, Locale.US, "Acme Partners"));
        samples.put("application-new", new NewApplicationLetter(new EmailAddress("manager@acme.example"), Locale.US,
                "Acme Partners", "01JD0000000000000000000031", "Ada Lovelace", "ada@partner.example",
                "Lovelace Consulting", "https://lovelace.example", "GB", List.of("newsletter", "consulting"),
                "CFOs of mid-size manufacturers, 4,000 newsletter readers", "Grace Hopper", false));
        samples.put("welcome", new WelcomeLetter(ADA, Locale.US, "Acme Partners", "Ada Lovelace",
                "https://api.acme.example/portal/signin", "https://api.acme.example/k3v9x2m4qa",
                settings().material()));
        samples.put("invitation", new InvitationLetter(ADA, Locale.US, "Acme Partners", "Ada Lovelace",
                "https://api.acme.example/portal/signin?email=ada%40partner.example",
                "https://api.acme.example/k3v9x2m4qa", settings().material()));
        samples.put("application-rejected", new ApplicationRejectedLetter(ADA, Locale.US, "Acme Partners",
                "Our program is for firms that advise finance teams, and we could not see that in your audience yet."));
        samples.put("terms-updated", new TermsUpdatedLetter(ADA, Locale.US, "Acme Partners", "Ada Lovelace", "2026-12",
                LocalDate.of(2026, 12, 1), "1. Commissions are 20 % of the first year's sales.\n\n"
                + "2. Payouts go out monthly once they reach EUR 50.", "https://api.acme.example/portal/terms"));
        samples.put("signin", new SignInLetter(ADA, Locale.US, "Ada Lovelace",
                "https://api.acme.example/portal/signin/confirm?token=sample-token-sample-token-sample-token-sam",
                java.time.Duration.ofMinutes(15)));
        return samples;
    }

    @Test
    void eachKindOfEmail_rendersAsTheDocsShowIt() throws IOException {
        Templates templates = new Templates();
        boolean write = Boolean.getBoolean("refer.emails.write");
        for (Map.Entry<String, Letter> sample : samples().entrySet()) {
            Rendered rendered = templates.render(sample.getValue());
            String html = "<!-- " + rendered.subject().replace("--", "- -") + " -->\n" + rendered.html();
            String text = "Subject: " + rendered.subject() + "\n\n" + rendered.text();
            Path htmlFile = SAMPLES.resolve(sample.getKey() + ".html");
            Path textFile = SAMPLES.resolve(sample.getKey() + ".txt");
            if (write) {
                Files.createDirectories(SAMPLES);
                Files.writeString(htmlFile, html, StandardCharsets.UTF_8);
                Files.writeString(textFile, text, StandardCharsets.UTF_8);
            }
            assertEquals(Files.readString(htmlFile, StandardCharsets.UTF_8), html,
                    htmlFile + " is not what the template renders: ./mvnw -pl libs/mail test"
                            + " -Dtest=EmailSamplesTest -Drefer.emails.write=true");
            assertEquals(Files.readString(textFile, StandardCharsets.UTF_8), text, textFile.toString());
        }
    }
}

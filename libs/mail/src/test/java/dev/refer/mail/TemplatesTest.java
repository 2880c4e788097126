package dev.refer.mail;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.comms.Topic;
import dev.refer.core.mail.LeadAlertLetter;
import dev.refer.core.mail.LeadDigestLetter;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.mail.RunSummaryLetter;
import dev.refer.core.mail.StatementLetter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemplatesTest {

    private final Templates templates = new Templates();

    private StatementLetter statement(String partnerName, String orderId, Locale locale) {
        return new StatementLetter(new EmailAddress("ada@partner.example"), locale, partnerName, "Acme Partners",
                YearMonth.of(2026, 11), "2026-11-EUR-01JD0000000000000000000000",
                List.of(new StatementLetter.Line(LocalDate.of(2026, 10, 5), "SALE", orderId, "20 % of the sale",
                                Money.of(123_456, "EUR"), false),
                        new StatementLetter.Line(LocalDate.of(2026, 9, 1), "REVERSAL", "inv-7", "refund of inv-7",
                                Money.of(-5_000, "EUR"), true)),
                Money.of(118_456, "EUR"), "Paid by bank transfer <within 10 days>.");
    }

    @Test
    void statement_escapesEveryValueInHtml_andPrintsItAsIsInText() {
        Rendered rendered = templates.render(statement("<script>alert('x')</script> & Co", "<b>inv-1</b>",
                Locale.US));

        assertFalse(rendered.html().contains("<script>"), rendered.html());
        assertTrue(rendered.html().contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; Co"),
                rendered.html());
        assertTrue(rendered.html().contains("&lt;b&gt;inv-1&lt;/b&gt;"));
        assertTrue(rendered.html().contains("Paid by bank transfer &lt;within 10 days&gt;."));
        assertTrue(rendered.text().contains("Hello <script>alert('x')</script> & Co,"), rendered.text());
    }

    @Test
    void signIn_carriesTheLinkOnce_itsLifetime_andEscapesThePartnersName() {
        String link = "https://partners.example/portal/signin/confirm?token=abcDEF123_-abcDEF123_-abcDEF123_-abcDEF12";
        Rendered rendered = templates.render(new dev.refer.core.mail.SignInLetter(new EmailAddress("ada@p.example"),
                Locale.US, "<script>alert(1)</script>", link, java.time.Duration.ofMinutes(15)));

        assertEquals("Your sign-in link to the partner portal", rendered.subject());
        assertFalse(rendered.html().contains("<script>"), rendered.html());
        assertTrue(rendered.html().contains("href=\"" + link + "\""), rendered.html());
        assertTrue(rendered.text().contains(link) && rendered.text().contains("within 15 minutes"), rendered.text());
    }

    @Test
    void leadDigest_escapesWhatTheLeadFormTookInHtml_andCountsWhatItDoesNotList() {
        String hostile = "<img src=x onerror=alert(1)>";
        Rendered rendered = templates.render(new LeadDigestLetter(new EmailAddress("sales@acme.example"), Locale.US,
                "Acme Partners", LocalDate.of(2026, 11, 2), List.of(new LeadDigestLetter.Line("L1", hostile,
                "x@client.example", "<b>Co</b>", hostile + " partner", Instant.parse("2026-11-02T09:00:00Z"))), 30, 20));

        assertFalse(rendered.html().contains("<img"), rendered.html());
        assertTrue(rendered.html().contains("&lt;img src=x onerror=alert(1)&gt;"), rendered.html());
        assertTrue(rendered.html().contains("&lt;b&gt;Co&lt;/b&gt;"), rendered.html());
        assertTrue(rendered.html().contains("And 29 more, not listed here"), rendered.html());
        assertTrue(rendered.text().contains("- “" + hostile + "” <x@client.example>, “<b>Co</b>” (lead L1, from partner "),
                rendered.text());
        assertEquals("Acme Partners: 30 more partner leads on Nov 2, 2026", rendered.subject());
    }

    /** Every way a mail client would make a link of text: a scheme, "www.", a host name, an email address. */
    private static void assertNoLinkIn(String rendered) {
        for (String linkable : List.of("http://", "https://", "hxxps://", "www.", "evil.example", "mailto:",
                "me@evil", "login.evil")) {
            assertFalse(rendered.contains(linkable), linkable + " in " + rendered);
        }
    }

    @Test
    void leadAlert_quotesWhatTheFormSaid_asPlainTextNoClientLinks_inBothParts_andCapsIt() {
        String name = "Your invoice is overdue, pay at https://login.evil.example/pay or www.evil.example";
        String company = "mailto:me@evil.example\nEvil\u202eCo";
        Rendered rendered = templates.render(new LeadAlertLetter(new EmailAddress("sales@acme.example"), Locale.US,
                "Acme Partners", "L1", name, "jane@client.example", company, "Ada", "ada@partner.example",
                Instant.parse("2026-11-02T09:00:00Z")));

        for (String part : List.of(rendered.subject(), rendered.text(), rendered.html())) {
            assertNoLinkIn(part);
        }
        assertTrue(rendered.text().contains("The form said (as the visitor typed it, not checked):"), rendered.text());
        assertTrue(rendered.text().contains("Name: “Your invoice is overdue, pay at hxxps[:]//login[.]evil[.]example/pay"),
                rendered.text());
        assertTrue(rendered.text().contains("…”"), "capped at " + FormText.LIMIT + ": " + rendered.text());
        assertTrue(rendered.text().contains("Company: “mailto[:]me[@]evil[.]example Evil Co”"), rendered.text());
        assertTrue(rendered.html().contains("The form said"), rendered.html());
        assertTrue(rendered.html().contains("Name: “Your invoice is overdue, pay at hxxps[:]//login[.]evil[.]example"),
                rendered.html());
        assertTrue(rendered.subject().startsWith("New partner lead: “Your invoice"), rendered.subject());
    }

    @Test
    void partnerNotification_namesTheLeadByWhatTheFormSaid_neverAsALink() {
        Rendered rendered = templates.render(new NotificationLetter(new EmailAddress("ada@partner.example"),
                Locale.US, "Acme Partners", "Ada", Topic.LEADS.wireName(), List.of(new NotificationLetter.Event(
                NotificationLetter.What.LEAD_NEW, Instant.parse("2026-11-02T09:00:00Z"),
                "Jane (reset your password: http://evil.example or me@evil.example)", null, null)),
                null, "https://api.acme.example/unsubscribe?t=x"));

        for (String part : List.of(rendered.subject(), rendered.text(), rendered.html())) {
            assertNoLinkIn(part.replace("https://api.acme.example/unsubscribe?t=x", "")); // our own link stays
            assertTrue(part.contains("New lead: the form said “Jane (reset your password: hxxp[:]//evil[.]example"
                    + " or me[@]evil[.]example)”"), part);
        }
    }

    @Test
    void formText_capsLongValues_andLeavesOrdinaryNamesAlone() {
        assertEquals("“Jane Doe (Client Co)”", FormText.quoted("Jane  Doe\t(Client Co)"));
        assertEquals("“Grace & Co”", FormText.quoted("Grace & Co"));
        assertEquals("", FormText.quoted(null));
        String capped = FormText.defanged("x".repeat(500));
        assertEquals(FormText.LIMIT, capped.codePointCount(0, capped.length()));
        assertTrue(capped.endsWith("…"));
    }

    @Test
    void statement_formatsMoneyAndDatesForTheProgramsLocale() {
        Rendered german = templates.render(statement("Ada", "inv-1", Locale.GERMANY));
        assertTrue(german.text().contains("1.234,56\u00a0€"), german.text());
        assertTrue(german.text().contains("05.10.2026"), german.text());
        assertTrue(german.subject().contains("November 2026") && german.subject().contains("1.184,56"),
                german.subject());

        Rendered american = templates.render(statement("Ada", "inv-1", Locale.US));
        assertTrue(american.text().contains("€1,234.56"), american.text());
        assertTrue(american.text().contains("Oct 5, 2026"), american.text());
    }

    @Test
    void statement_showsTheCarriedBalanceApart() {
        Rendered rendered = templates.render(statement("Ada", "inv-1", Locale.US));
        int carried = rendered.text().indexOf("Carried over from earlier months:");
        assertTrue(carried > 0);
        assertTrue(rendered.text().indexOf("inv-7") > carried, "the reversal of an earlier month is carried");
        assertTrue(rendered.text().indexOf("inv-1") < carried);
    }

    @Test
    void runSummary_listsTheTotalsPerCurrency() {
        Rendered rendered = templates.render(new RunSummaryLetter(new EmailAddress("manager@program.example"),
                Locale.US, "Acme Partners", YearMonth.of(2026, 11), 120, 87,
                List.of(Money.of(1_234_500, "EUR")), "/admin/payouts.csv?period=2026-11"));
        assertEquals("Payout run for November 2026: 87 payouts", rendered.subject());
        assertTrue(rendered.text().contains("Total EUR: €12,345.00"), rendered.text());
        assertTrue(rendered.html().contains("/admin/payouts.csv?period=2026-11"));
    }

    @Test
    void newApplication_quotesEveryFieldThePublicTyped_defangedInBothParts_andEscapedInHtml() {
        String script = "<script>alert(1)</script>";
        Rendered rendered = templates.render(new dev.refer.core.mail.NewApplicationLetter(
                new EmailAddress("manager@acme.example"), Locale.US, "Acme Partners", "01JD0000000000000000000031",
                script + " https://login.evil.example", "x@client.example", script, "https://www.evil.example/x",
                "GB", List.of("newsletter"), script + " mailto:me@evil.example", script, false));

        for (String part : List.of(rendered.subject(), rendered.text(), rendered.html())) {
            assertNoLinkIn(part);
        }
        assertFalse(rendered.html().contains("<script>"), rendered.html());
        assertTrue(rendered.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), rendered.html());
        assertTrue(rendered.text().contains("Website: “hxxps[:]//www[.]evil[.]example/x”"), rendered.text());
        assertTrue(rendered.html().contains("POST /admin/applications/01JD0000000000000000000031/approve"));
    }

    @Test
    void welcome_greetsByTheNameTheApplicationGave_neverAsALink_andEscapesIt() {
        Rendered rendered = templates.render(new dev.refer.core.mail.WelcomeLetter(
                new EmailAddress("ada@partner.example"), Locale.US, "Acme Partners",
                "<b>Ada</b> www.evil.example", "https://api.acme.example/portal/signin", null,
                new dev.refer.core.mail.CheckinLetter.Material(null, null, List.of(), List.of(), List.of())));

        assertTrue(rendered.html().contains("Hello &lt;b&gt;Ada&lt;/b&gt; www[.]evil[.]example,"), rendered.html());
        assertTrue(rendered.text().contains("Hello <b>Ada</b> www[.]evil[.]example,"), rendered.text());
        assertTrue(rendered.text().contains("https://api.acme.example/portal/signin"), rendered.text());
        assertFalse(rendered.text().contains("Your first link"), "no link: nothing said about it");
        assertTrue(rendered.text().contains("1. Think of two or three people"), "default first steps");
    }
}

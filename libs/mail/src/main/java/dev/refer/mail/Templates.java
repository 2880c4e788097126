package dev.refer.mail;

import dev.refer.core.mail.ApplicationReceiptLetter;
import dev.refer.core.mail.ApplicationRejectedLetter;
import dev.refer.core.mail.BroadcastLetter;
import dev.refer.core.mail.CheckinLetter;
import dev.refer.core.mail.CheckinSummaryLetter;
import dev.refer.core.mail.InvitationLetter;
import dev.refer.core.mail.LeadAlertLetter;
import dev.refer.core.mail.LeadDigestLetter;
import dev.refer.core.mail.Letter;
import dev.refer.core.mail.NewApplicationLetter;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.mail.PayoutDetailsChangedLetter;
import dev.refer.core.mail.RunSummaryLetter;
import dev.refer.core.mail.SignInLetter;
import dev.refer.core.mail.StatementLetter;
import dev.refer.core.mail.TermsUpdatedLetter;
import dev.refer.core.mail.WebhookEndpointDisabledLetter;
import dev.refer.core.mail.WelcomeLetter;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

import java.util.Map;

/**
 * Renders each kind of letter with its precompiled jte templates (src/main/jte/html and src/main/jte/text, compiled
 * to Java at build time: a template that does not fit its data fails the build, not a send). The HTML templates
 * escape every value they print; the text ones print values as they are.
 */
public final class Templates {

    private final TemplateEngine html = TemplateEngine.createPrecompiled(null, ContentType.Html, null,
            "dev.refer.mail.templates.html");
    private final TemplateEngine text = TemplateEngine.createPrecompiled(null, ContentType.Plain, null,
            "dev.refer.mail.templates.text");

    public Rendered render(Letter letter) {
        MailFormat format = new MailFormat(letter.locale());
        Map<String, Object> params = Map.of("letter", letter, "f", format);
        return switch (letter) {
            case StatementLetter statement -> new Rendered(
                    "Your payout statement for " + format.month(statement.period()) + ": "
                            + format.money(statement.total()),
                    render(html, "statement.jte", params), render(text, "statement.jte", params));
            case RunSummaryLetter summary -> new Rendered(
                    "Payout run for " + format.month(summary.period()) + ": " + summary.payouts() + " payouts",
                    render(html, "run-summary.jte", params), render(text, "run-summary.jte", params));
            case CheckinLetter checkin -> new Rendered(checkinSubject(checkin, format),
                    render(html, "checkin.jte", params), render(text, "checkin.jte", params));
            case CheckinSummaryLetter summary -> new Rendered(
                    summary.programName() + " partners in " + format.month(summary.month()) + ": "
                            + summary.partnersWithRevenue() + " brought " + format.money(summary.revenue()),
                    render(html, "checkin-summary.jte", params), render(text, "checkin-summary.jte", params));
            case BroadcastLetter broadcast -> new Rendered(
                    (broadcast.preview() ? "[Preview] " : "") + broadcast.subject(),
                    render(html, "broadcast.jte", params), render(text, "broadcast.jte", params));
            case NotificationLetter notification -> new Rendered(notificationSubject(notification, format),
                    render(html, "notification.jte", params), render(text, "notification.jte", params));
            case LeadAlertLetter alert -> new Rendered("New partner lead: " + format.said(alert.leadName())
                    + " (from " + alert.partnerName() + ")",
                    render(html, "lead-alert.jte", params), render(text, "lead-alert.jte", params));
            case LeadDigestLetter digest -> new Rendered(digest.programName() + ": " + digest.total()
                    + (digest.total() == 1 ? " more partner lead on " : " more partner leads on ")
                    + format.date(digest.day()),
                    render(html, "lead-digest.jte", params), render(text, "lead-digest.jte", params));
            case ApplicationReceiptLetter receipt -> new Rendered(
                    "Your application to " + receipt.programName() + " has arrived",
                    render(html, "application-receipt.jte", params), render(text, "application-receipt.jte", params));
            case NewApplicationLetter application -> new Rendered((application.approved()
                    ? "New partner (approved automatically): " : "New partner application: ")
                    + format.said(application.name()),
                    render(html, "application-new.jte", params), render(text, "application-new.jte", params));
            case WelcomeLetter welcome -> new Rendered("Welcome to " + welcome.programName() + ": how to start",
                    render(html, "welcome.jte", params), render(text, "welcome.jte", params));
            case InvitationLetter invitation -> new Rendered(
                    "You are invited to " + invitation.programName() + " as a partner",
                    render(html, "invitation.jte", params), render(text, "invitation.jte", params));
            case ApplicationRejectedLetter rejected -> new Rendered(
                    "Your application to " + rejected.programName(),
                    render(html, "application-rejected.jte", params),
                    render(text, "application-rejected.jte", params));
            case TermsUpdatedLetter terms -> new Rendered(
                    terms.programName() + ": new partner terms (version " + terms.version() + ")",
                    render(html, "terms-updated.jte", params), render(text, "terms-updated.jte", params));
            case SignInLetter signIn -> new Rendered("Your sign-in link to the partner portal",
                    render(html, "signin.jte", params), render(text, "signin.jte", params));
            case PayoutDetailsChangedLetter changed -> new Rendered("Your payout details were changed",
                    render(html, "payout-details-changed.jte", params),
                    render(text, "payout-details-changed.jte", params));
            case WebhookEndpointDisabledLetter disabled -> new Rendered(
                    "Webhook endpoint disabled: " + disabled.endpointName(),
                    render(html, "webhook-endpoint-disabled.jte", params),
                    render(text, "webhook-endpoint-disabled.jte", params));
        };
    }

    private static String checkinSubject(CheckinLetter letter, MailFormat format) {
        String month = format.month(letter.month());
        if (letter.thanks() != null) {
            return "Thank you: you were a top " + letter.programName() + " partner in " + month;
        }
        return switch (letter.variant()) {
            case ONBOARDING -> "Getting started with " + letter.programName();
            case NO_CLICKS -> "Your " + month + " with " + letter.programName() + ": how to share your link";
            case NO_LEADS -> "Your " + month + " with " + letter.programName() + ": who to refer";
            case NO_QUALIFIED -> "Your " + month + " with " + letter.programName() + ": leads that qualify";
            case POOR_FIT -> "Your " + month + " with " + letter.programName() + ": who fits best";
            case SUMMARY -> "Your " + month + " with " + letter.programName();
        };
    }

    private static String notificationSubject(NotificationLetter letter, MailFormat format) {
        if (letter.digestDay() != null) {
            return letter.programName() + ": your " + letter.topic() + " on "
                    + format.date(letter.digestDay()) + " (" + letter.events().size() + ")";
        }
        return letter.programName() + ": " + format.event(letter.events().get(0));
    }

    private String render(TemplateEngine engine, String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        engine.render(template, params, output);
        // a text template's control lines leave blank lines behind: at most one blank line between paragraphs
        return engine == text ? BLANK_RUNS.matcher(output.toString().strip()).replaceAll("\n\n") + "\n"
                : output.toString();
    }

    private static final java.util.regex.Pattern BLANK_RUNS = java.util.regex.Pattern.compile("\\n[ \\t]*(\\n[ \\t]*)+\\n");
}

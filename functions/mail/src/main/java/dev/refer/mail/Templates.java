package dev.refer.mail;

import dev.refer.core.mail.Letter;
import dev.refer.core.mail.RunSummaryLetter;
import dev.refer.core.mail.StatementLetter;
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
        };
    }

    private static String render(TemplateEngine engine, String template, Map<String, Object> params) {
        StringOutput output = new StringOutput();
        engine.render(template, params, output);
        return output.toString();
    }
}

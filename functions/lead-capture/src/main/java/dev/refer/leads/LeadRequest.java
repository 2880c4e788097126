package dev.refer.leads;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.basics.validation.Rules;
import dev.refer.core.lead.CaptureLead;
import dev.refer.lambda.FormBody;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.LambdaJson;

import java.net.URI;
import java.util.Map;

/**
 * Translates a lead form post, JSON or a plain HTML form, into the capture command. Field names are the public
 * contract: email, name, company, phone, message, rid, ref, the honeypot {@code website_url} and {@code redirect_to}
 * (the thank-you page of a form posted without JavaScript). Other fields a site's form sends along are ignored.
 */
final class LeadRequest {

    /** The JSON body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record LeadForm(String email, String name, String company, String phone, String message, String rid, String ref,
                    @JsonProperty(CaptureLead.HONEYPOT_FIELD) String honeypot,
                    @JsonProperty("redirect_to") String redirectTo) {

        static LeadForm of(Map<String, String> fields) {
            return new LeadForm(fields.get("email"), fields.get("name"), fields.get("company"), fields.get("phone"),
                    fields.get("message"), fields.get("rid"), fields.get("ref"),
                    fields.get(CaptureLead.HONEYPOT_FIELD), fields.get("redirect_to"));
        }
    }

    private LeadRequest() {
    }

    static boolean isForm(HttpRequest request) {
        return request.mediaType().equals("application/x-www-form-urlencoded");
    }

    static CaptureLead.Command parse(HttpRequest request, String origin) {
        LeadForm form = isForm(request) ? LeadForm.of(FormBody.parse(request.bodyText()))
                : LambdaJson.readBody(request.body(), LeadForm.class);
        Rules rules = Rules.check();
        EmailAddress email = rules.value("email", () -> new EmailAddress(form.email()));
        String redirectTo = Rules.text(form.redirectTo());
        URI thankYou = redirectTo == null ? null : rules.value("redirect_to", () -> absoluteUrl(redirectTo));
        rules.orThrow();
        return new CaptureLead.Command(email, form.name(), form.company(), form.phone(), form.message(), form.rid(),
                form.ref(), form.honeypot(), origin, thankYou);
    }

    private static URI absoluteUrl(String text) {
        try {
            URI uri = URI.create(text);
            if (uri.isAbsolute()) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the violation below
        }
        throw Invalid.field("redirect_to", "must be an absolute URL");
    }
}

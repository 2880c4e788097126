package dev.refer.leads;

import dev.refer.core.lead.CaptureLead;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.validation.Invalid;
import dev.refer.core.validation.Rules;
import dev.refer.http.FormBody;
import dev.refer.http.HttpRequest;
import dev.refer.http.Json;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a lead form post, JSON or a plain HTML form, into the capture command. Field names are the public
 * contract: email, name, company, phone, message, rid, ref, the honeypot {@code website_url} and {@code redirect_to}
 * (the thank-you page of a form posted without JavaScript).
 */
final class LeadRequest {

    static final List<String> FIELDS = List.of("email", "name", "company", "phone", "message", "rid", "ref",
            "website_url", "redirect_to");

    private LeadRequest() {
    }

    static boolean isForm(HttpRequest request) {
        return request.mediaType().equals("application/x-www-form-urlencoded");
    }

    static CaptureLead.Command parse(HttpRequest request, String origin) {
        Map<String, String> fields = isForm(request) ? FormBody.parse(request.bodyText()) : jsonFields(request);
        Rules rules = Rules.check();
        EmailAddress email = rules.value("email", () -> new EmailAddress(fields.get("email")));
        String redirectTo = Rules.text(fields.get("redirect_to"));
        URI thankYou = redirectTo == null ? null : rules.value("redirect_to", () -> absoluteUrl(redirectTo));
        rules.orThrow();
        return new CaptureLead.Command(email, fields.get("name"), fields.get("company"), fields.get("phone"),
                fields.get("message"), fields.get("rid"), fields.get("ref"), fields.get(CaptureLead.HONEYPOT_FIELD), origin,
                thankYou);
    }

    private static Map<String, String> jsonFields(HttpRequest request) {
        Map<String, Object> json = Json.parseObject(request.body());
        Map<String, String> fields = new HashMap<>();
        Rules rules = Rules.check();
        for (String name : FIELDS) {
            Object value = json.get(name);
            rules.require(value == null || value instanceof String, name, "must be a string");
            if (value instanceof String text) {
                fields.put(name, text);
            }
        }
        rules.orThrow();
        return fields;
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

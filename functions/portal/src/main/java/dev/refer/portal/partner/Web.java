package dev.refer.portal.partner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.lambda.FormBody;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.ProblemException;
import dev.refer.lambda.Problems;
import dev.refer.portal.PortalPages;
import dev.refer.web.PortalSession;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the partner's route families share: pages (the session handed to every body template, for its forms' CSRF
 * field) and form bodies read with the same limits as JSON ones.
 */
final class Web {

    /** Every form and JSON body of the partner's routes is small: a link, a profile, a few preferences. */
    static final int MAX_BODY_BYTES = 16 * 1024;
    static final String FORM = "application/x-www-form-urlencoded";

    private Web() {
    }

    /** A whole page: {@code template}'s body with {@code params} (and the session as {@code session}). */
    static APIGatewayV2HTTPResponse page(int status, String title, PortalSession session, String template,
                                         Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>(params);
        all.put("session", session);
        return PortalPages.page(status, title, session, template, all);
    }

    /** After a form's change: see the page again (POST, redirect, GET), so a reload posts nothing twice. */
    static APIGatewayV2HTTPResponse seeOther(String location) {
        return HttpResponse.redirect(303, location);
    }

    /** A plain form's fields: its media type (else 415) and size (else 413) checked, the encoding too (else 400). */
    static Map<String, String> form(HttpRequest request) {
        if (!request.mediaType().equals(FORM)) {
            throw new ProblemException(Problems.unsupportedMediaType(FORM));
        }
        if (request.body().length > MAX_BODY_BYTES) {
            throw new ProblemException(Problems.tooLarge(MAX_BODY_BYTES));
        }
        Map<String, String> fields = FormBody.parse(request.bodyText());
        fields.forEach((name, value) -> {
            if (name.indexOf('\uFFFD') >= 0 || value.indexOf('\uFFFD') >= 0) {
                // a percent-escape that is not UTF-8: the form was not sent by a browser's form in UTF-8
                throw new FormBody.MalformedFormException("the form body is not valid UTF-8");
            }
        });
        return fields;
    }

    /** The rule each field broke, to show beside it. */
    static Map<String, String> errors(Invalid invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.violations().forEach(v -> errors.putIfAbsent(v.field(), v.rule()));
        return errors;
    }
}

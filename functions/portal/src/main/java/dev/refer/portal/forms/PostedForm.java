package dev.refer.portal.forms;

import dev.refer.core.basics.validation.Invalid;
import dev.refer.lambda.FormBody;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.ProblemException;
import dev.refer.lambda.Problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain HTML form's post to a signed-in page: {@code application/x-www-form-urlencoded} only (else 415), at most a
 * given size (else 413), decoded (a bad encoding is a 400 problem, from {@link FormBody}); and the field errors of an
 * {@link Invalid} as the page shows them beside each field.
 */
public final class PostedForm {

    public static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

    private PostedForm() {
    }

    public static Map<String, String> read(HttpRequest request, int maxBytes) {
        if (!request.mediaType().equals(MEDIA_TYPE)) {
            throw new ProblemException(Problems.unsupportedMediaType(MEDIA_TYPE));
        }
        if (request.body().length > maxBytes) {
            throw new ProblemException(Problems.tooLarge(maxBytes));
        }
        return FormBody.parse(request.bodyText());
    }

    /** The first rule each field broke, by field name (what the page prints beside the field). */
    public static Map<String, String> errors(Invalid invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (Invalid.Violation violation : invalid.violations()) {
            errors.putIfAbsent(violation.field(), violation.rule());
        }
        return errors;
    }

    public static Map<String, String> error(String field, String rule) {
        return Map.of(field, rule);
    }

    /** The values typed, trimmed to what a page shows back (never more than {@code max} characters each). */
    public static Map<String, String> echo(Map<String, String> form, List<String> fields, int max) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : fields) {
            String value = form.getOrDefault(field, "");
            values.put(field, value.length() > max ? value.substring(0, max) : value);
        }
        return values;
    }
}

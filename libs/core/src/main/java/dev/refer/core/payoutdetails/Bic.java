package dev.refer.core.payoutdetails;

import dev.refer.core.basics.validation.Invalid;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A bank's Business Identifier Code (ISO 9362): 4 letters (the bank), 2 letters (the country), 2 letters or digits
 * (the location), optionally 3 more (the branch); normalised to upper case without spaces.
 */
public record Bic(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$");

    public Bic {
        if (value == null || value.isBlank()) {
            throw Invalid.field("bic", "is required");
        }
        value = value.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw Invalid.field("bic", "must be a BIC of 8 or 11 characters, such as COBADEFFXXX");
        }
    }
}

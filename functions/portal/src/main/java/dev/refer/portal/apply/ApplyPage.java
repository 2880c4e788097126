package dev.refer.portal.apply;

import dev.refer.core.application.Channel;
import dev.refer.core.terms.Terms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the application page shows (templates {@code apply.jte}): the program's name, the current terms, and, after a
 * refused post, the values as typed and each field's error. Values are printed by jte, escaped.
 *
 * @param values what the applicant typed, by field name (empty on a fresh page)
 * @param errors the rule each field broke, by field name
 */
public record ApplyPage(String programName, Terms terms, Map<String, String> values, Set<String> channels,
                        Map<String, String> errors) {

    /** A field's label, for the error summary. */
    private static final Map<String, String> LABELS = Map.of("name", "Your name", "email", "Email",
            "company", "Company", "website", "Website", "country", "Country", "channels", "How you will promote us",
            "audience", "Your audience", "reference", "Reference", "acceptTerms", "The terms",
            "termsVersion", "The terms");

    public record Country(String code, String name) {
    }

    public record Error(String field, String label, String message) {
    }

    private static final List<Country> COUNTRIES = java.util.Arrays.stream(Locale.getISOCountries())
            .map(code -> new Country(code, Locale.of("", code).getDisplayCountry(Locale.ENGLISH)))
            .sorted(Comparator.comparing(Country::name)).toList();

    public static ApplyPage fresh(String programName, Terms terms) {
        return new ApplyPage(programName, terms, Map.of(), Set.of(), Map.of());
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** The terms' error: an old version, or the box not checked. */
    public String termsError() {
        return errors.containsKey("termsVersion") ? errors.get("termsVersion") : errors.get("acceptTerms");
    }

    public List<Error> errorList() {
        Map<String, Error> listed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : errors.entrySet()) {
            String anchor = e.getKey().equals("termsVersion") ? "acceptTerms" : e.getKey();
            anchor = anchor.equals("channels") ? "channel-" + Channel.values()[0].wireName() : anchor;
            listed.putIfAbsent(anchor, new Error(anchor, LABELS.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
        }
        return new ArrayList<>(listed.values());
    }

    public List<Channel> allChannels() {
        return List.of(Channel.values());
    }

    public boolean checked(Channel channel) {
        return channels.contains(channel.wireName());
    }

    public List<Country> countries() {
        return COUNTRIES;
    }

    /** Ticked before, and still about the version shown (a new version is read and ticked again). */
    public boolean accepted() {
        return "yes".equals(values.get("acceptTerms")) && !errors.containsKey("termsVersion");
    }

    /** {@code aria-invalid}: "true" for a field with an error, else no attribute (jte leaves a null out). */
    public String invalid(String field) {
        return hasError(field) ? "true" : null;
    }

    /** {@code aria-describedby}: the field's error message, when it has one. */
    public String describedBy(String field) {
        return hasError(field) ? field + "-error" : null;
    }

    public boolean isCountry(Country country) {
        return country.code().equalsIgnoreCase(value("country"));
    }

    private boolean hasError(String field) {
        return field.equals("acceptTerms") ? termsError() != null : errors.containsKey(field);
    }

    /** The terms' text in paragraphs (blank lines between them). */
    public List<String> termsParagraphs() {
        return terms == null ? List.of() : java.util.Arrays.stream(terms.text().split("\\R\\s*\\R"))
                .map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}

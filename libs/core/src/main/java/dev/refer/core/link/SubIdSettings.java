package dev.refer.core.link;

import dev.refer.core.basics.validation.Invalid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query parameters a program calls its sub-ids ({@code sub1}..{@code sub5}, {@code campaign_id}, ...): a partner
 * appends them to a short link to tell its initiatives apart, the redirect records their values on the click, and the
 * funnel (clicks, leads, sales) is reported per value. Every parameter passes through to the destination either way;
 * naming one only makes it recorded and counted.
 *
 * <p>At most {@value #MAX_PARAMETERS} names of 1 to {@value #MAX_NAME_LENGTH} letters, digits, {@code _} or
 * {@code -}, each once; never {@code ref} or {@code rid} (ours) nor a {@code utm_} tag (UTM tags describe the
 * channel, reported by the company's analytics: keeping them out lets a visit with only UTM tags skip the settings).
 */
public record SubIdSettings(List<String> parameters) {

    public static final int MAX_PARAMETERS = 5;
    public static final int MAX_NAME_LENGTH = 32;
    public static final SubIdSettings NONE = new SubIdSettings(List.of());

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_NAME_LENGTH + "}");

    public SubIdSettings {
        if (parameters == null) {
            throw Invalid.field("parameters", "is required (an empty list names none)");
        }
        if (parameters.size() > MAX_PARAMETERS) {
            throw Invalid.field("parameters", "must name at most " + MAX_PARAMETERS + " parameters");
        }
        Set<String> seen = new HashSet<>();
        List<String> copy = new ArrayList<>(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            String name = parameters.get(i);
            String field = "parameters[" + i + "]";
            if (name == null || !NAME.matcher(name).matches()) {
                throw Invalid.field(field, "must be 1 to " + MAX_NAME_LENGTH
                        + " letters, digits, '_' or '-'");
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("ref") || lower.equals("rid")) {
                throw Invalid.field(field, "must not be ref or rid: the short link sets those itself");
            }
            if (lower.startsWith("utm_")) {
                throw Invalid.field(field, "must not be a utm_ tag");
            }
            if (!seen.add(name)) {
                throw Invalid.field(field, "must not repeat a name");
            }
            copy.add(name);
        }
        parameters = List.copyOf(copy);
    }

    /**
     * Whether a visit could carry one of the program's sub-ids, whatever they are: any parameter but {@code ref},
     * {@code rid} and UTM tags. A visit without one needs no settings read.
     */
    public static boolean couldCarryOne(VisitQuery visit) {
        for (VisitQuery.Parameter parameter : visit.parameters()) {
            String name = parameter.name();
            if (!name.regionMatches(true, 0, "utm_", 0, 4) && !name.equalsIgnoreCase("ref")
                    && !name.equalsIgnoreCase("rid")) {
                return true;
            }
        }
        return false;
    }
}

package dev.refer.core.comms;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.mail.CheckinLetter;

import java.net.URI;
import java.time.YearMonth;
import java.util.List;

/**
 * What the program manager writes for partner mail: the program's name as partners know it, the material guidance
 * draws on (ideal customer, value proposition, how the product stands out, onboarding steps, resources), a note for
 * one month's check-ins, how many top partners are thanked, where new leads are announced for sales to follow up,
 * and how many notifications go out one by one before a flood waits for the digest.
 *
 * @param salesEmail where each new attributed lead is announced; null sends it to the payout settings' manager
 * @param notificationsPerDay at most this many emails of one topic a day to a partner one by one (and as many alerts
 *                            to sales about one partner's leads); past it, the rest of the day goes in one digest
 */
public record CommsSettings(String programName, String idealCustomer, String valueProposition,
                            List<String> differentiators, List<String> onboardingSteps, List<Resource> resources,
                            Note note, int topPartners, EmailAddress salesEmail, int notificationsPerDay) {

    public static final int MAX_TEXT = 2_000;
    public static final int DEFAULT_TOP_PARTNERS = 3;
    public static final int DEFAULT_NOTIFICATIONS_PER_DAY = 20;
    public static final int MAX_NOTIFICATIONS_PER_DAY = 500;
    public static final CommsSettings DEFAULTS = new CommsSettings(null, null, null, List.of(), List.of(), List.of(),
            null, DEFAULT_TOP_PARTNERS, null, DEFAULT_NOTIFICATIONS_PER_DAY);

    /** A link partners can use: a deck, a video, a training. */
    public record Resource(String title, String url) {
        public Resource {
            title = clean("resources.title", title, 200);
            if (title == null) {
                throw Invalid.field("resources.title", "is required");
            }
            URI uri;
            try {
                uri = URI.create(url == null ? "" : url.strip());
            } catch (IllegalArgumentException e) {
                throw Invalid.field("resources.url", "must be an https URL");
            }
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw Invalid.field("resources.url", "must be an https URL");
            }
            url = uri.toString();
        }
    }

    /** The program manager's short note to every check-in of {@code month}. */
    public record Note(YearMonth month, String text) {
        public Note {
            if (month == null) {
                throw Invalid.field("note.month", "is required (YYYY-MM)");
            }
            text = clean("note.text", text, 1_000);
            if (text == null) {
                throw Invalid.field("note.text", "is required");
            }
        }
    }

    public CommsSettings {
        programName = clean("programName", programName, 100);
        idealCustomer = clean("idealCustomer", idealCustomer, MAX_TEXT);
        valueProposition = clean("valueProposition", valueProposition, MAX_TEXT);
        differentiators = list("differentiators", differentiators, 10);
        onboardingSteps = list("onboardingSteps", onboardingSteps, 10);
        resources = resources == null ? List.of() : List.copyOf(resources);
        if (resources.size() > 20) {
            throw Invalid.field("resources", "at most 20");
        }
        if (topPartners < 0 || topPartners > 50) {
            throw Invalid.field("topPartners", "must be between 0 and 50");
        }
        if (notificationsPerDay < 1 || notificationsPerDay > MAX_NOTIFICATIONS_PER_DAY) {
            throw Invalid.field("notificationsPerDay", "must be between 1 and " + MAX_NOTIFICATIONS_PER_DAY);
        }
    }

    /** The note for {@code month}, if the one set is for it. */
    public String noteFor(YearMonth month) {
        return note != null && note.month().equals(month) ? note.text() : null;
    }

    /** What the check-in's guidance draws on, as the letter carries it. */
    public CheckinLetter.Material material() {
        return new CheckinLetter.Material(idealCustomer, valueProposition, differentiators, onboardingSteps,
                resources.stream().map(r -> new CheckinLetter.Resource(r.title(), r.url())).toList());
    }

    public String programNameOr(String fallback) {
        return programName == null ? fallback : programName;
    }

    private static String clean(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw Invalid.field(field, "must be at most " + max + " characters");
        }
        return stripped;
    }

    private static List<String> list(String field, List<String> values, int max) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > max) {
            throw Invalid.field(field, "at most " + max + " entries");
        }
        return values.stream().map(v -> clean(field, v, 500)).filter(v -> v != null).toList();
    }
}

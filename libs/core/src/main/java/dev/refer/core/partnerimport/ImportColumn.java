package dev.refer.core.partnerimport;

import java.util.Locale;
import java.util.Optional;

/**
 * The columns a partner import may carry, named in its header row. {@link #EMAIL} and {@link #NAME} are required; a
 * column the file leaves out leaves that part of a stored partner alone, so a file exported without plans does not
 * take the plans of partners it names away.
 */
public enum ImportColumn {
    NAME("name"),
    EMAIL("email"),
    STATUS("status"),
    /** The partner's link codes, separated by {@code |} ({@link ImportPartners#CODE_SEPARATOR}). */
    CODES("codes"),
    /** The partner's own plan, in {@link PlanText}; blank = the program's default plan. */
    PLAN("plan"),
    COMPANY("company"),
    /** Where the row's new links send; blank = the onboarding settings' first-link destination. */
    DESTINATION("destination");

    private final String header;

    ImportColumn(String header) {
        this.header = header;
    }

    /** The name in the header row (lower case; the header is read case-insensitively). */
    public String header() {
        return header;
    }

    public static Optional<ImportColumn> ofHeader(String text) {
        String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ImportColumn column : values()) {
            if (column.header.equals(name)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}

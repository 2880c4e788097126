package dev.refer.core.conversion;

import java.util.Locale;
import java.util.Optional;

/** What the billing system reports. A sale or renewal may earn a commission; a refund reverses one pro rata. */
public enum ConversionKind {
    SALE, RENEWAL, REFUND;

    public static Optional<ConversionKind> parse(String type) {
        if (type == null) {
            return Optional.empty();
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "sale" -> Optional.of(SALE);
            case "renewal" -> Optional.of(RENEWAL);
            case "refund" -> Optional.of(REFUND);
            default -> Optional.empty();
        };
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

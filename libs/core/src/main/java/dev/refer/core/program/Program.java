package dev.refer.core.program;

import dev.refer.core.basics.validation.Invalid;

import java.net.URI;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The program's settings, as the program manager configures them.
 *
 * @param attributionWindowDays how long after a click (or a link visit by code) a lead or sale still counts for the
 *                              partner
 * @param holdingPeriodDays     how long a commission waits before it can be paid: refunds inside this period
 *                              reverse it before any money moves
 * @param allowedDestinationHosts hosts (and their subdomains) a link may send to; empty allows any public host
 * @param allowedFormOrigins    origins (scheme://host[:port]) whose pages may post the lead form
 * @param maxEventAgeDays       how old a billing event may be when it arrives ({@code occurredAt}); older ones are
 *                              refused, so a sale cannot be backdated into a closed month or a past click's window
 * @param payouts               minimum payout, statement locale and terms, the run's summary recipient
 * @param maxLinksPerPartner    how many links a partner may create in the portal (the manager's admin API is not
 *                              held to it)
 */
public record Program(ProgramId id, Currency currency, int attributionWindowDays, int holdingPeriodDays,
                      CommissionPlan defaultPlan, List<String> allowedDestinationHosts,
                      List<String> allowedFormOrigins, int maxEventAgeDays, PayoutSettings payouts,
                      int maxLinksPerPartner) {

    /** The default for {@code maxEventAgeDays}: a month of late deliveries and retries, and some. */
    public static final int DEFAULT_MAX_EVENT_AGE_DAYS = 35;
    /** The default for {@code maxLinksPerPartner}: a link for each channel and campaign, not a link farm. */
    public static final int DEFAULT_MAX_LINKS_PER_PARTNER = 25;
    /** The most {@code maxLinksPerPartner} may be: the portal's dashboard lists that many links in one read. */
    public static final int MAX_LINKS_PER_PARTNER = 100;

    public Program {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(defaultPlan, "defaultPlan");
        payouts = payouts == null ? PayoutSettings.DEFAULTS : payouts;
        if (attributionWindowDays < 1 || attributionWindowDays > 365) {
            throw Invalid.field("attributionWindowDays", "must be between 1 and 365");
        }
        if (holdingPeriodDays < 0 || holdingPeriodDays > 365) {
            throw Invalid.field("holdingPeriodDays", "must be between 0 and 365");
        }
        if (maxEventAgeDays < 1 || maxEventAgeDays > 365) {
            throw Invalid.field("maxEventAgeDays", "must be between 1 and 365");
        }
        if (maxLinksPerPartner < 1 || maxLinksPerPartner > MAX_LINKS_PER_PARTNER) {
            throw Invalid.field("maxLinksPerPartner", "must be between 1 and " + MAX_LINKS_PER_PARTNER);
        }
        allowedDestinationHosts = allowedDestinationHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        allowedFormOrigins = allowedFormOrigins.stream().map(Program::normaliseOrigin).toList();
    }

    public Program(ProgramId id, Currency currency, int attributionWindowDays, int holdingPeriodDays,
                   CommissionPlan defaultPlan, List<String> allowedDestinationHosts, List<String> allowedFormOrigins,
                   int maxEventAgeDays, PayoutSettings payouts) {
        this(id, currency, attributionWindowDays, holdingPeriodDays, defaultPlan, allowedDestinationHosts,
                allowedFormOrigins, maxEventAgeDays, payouts, DEFAULT_MAX_LINKS_PER_PARTNER);
    }

    public Program(ProgramId id, Currency currency, int attributionWindowDays, int holdingPeriodDays,
                   CommissionPlan defaultPlan, List<String> allowedDestinationHosts, List<String> allowedFormOrigins) {
        this(id, currency, attributionWindowDays, holdingPeriodDays, defaultPlan, allowedDestinationHosts,
                allowedFormOrigins, DEFAULT_MAX_EVENT_AGE_DAYS, PayoutSettings.DEFAULTS);
    }

    public Program(ProgramId id, Currency currency, int attributionWindowDays, int holdingPeriodDays,
                   CommissionPlan defaultPlan, List<String> allowedDestinationHosts, List<String> allowedFormOrigins,
                   int maxEventAgeDays) {
        this(id, currency, attributionWindowDays, holdingPeriodDays, defaultPlan, allowedDestinationHosts,
                allowedFormOrigins, maxEventAgeDays, PayoutSettings.DEFAULTS);
    }

    /** The same program allowing a partner {@code links} links in the portal. */
    public Program withMaxLinksPerPartner(int links) {
        return new Program(id, currency, attributionWindowDays, holdingPeriodDays, defaultPlan,
                allowedDestinationHosts, allowedFormOrigins, maxEventAgeDays, payouts, links);
    }

    public Duration maxEventAge() {
        return Duration.ofDays(maxEventAgeDays);
    }

    public Duration attributionWindow() {
        return Duration.ofDays(attributionWindowDays);
    }

    public Duration holdingPeriod() {
        return Duration.ofDays(holdingPeriodDays);
    }

    public boolean allowsOrigin(String origin) {
        return origin != null && allowedFormOrigins.contains(origin.toLowerCase(Locale.ROOT));
    }

    /** A thank-you page may be any URL on an allowed form origin. */
    public boolean allowsThankYouUrl(URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null || url.getRawUserInfo() != null) {
            return false;
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return false;
        }
        String origin = scheme + "://" + url.getHost().toLowerCase(Locale.ROOT) + (url.getPort() < 0 ? "" : ":" + url.getPort());
        return allowedFormOrigins.contains(origin);
    }

    static String normaliseOrigin(String origin) {
        URI uri;
        try {
            uri = URI.create(origin.strip());
        } catch (IllegalArgumentException e) {
            throw Invalid.field("allowedFormOrigins", "must be origins like https://www.example.com");
        }
        if (uri.getScheme() == null || uri.getHost() == null || !(uri.getPath() == null || uri.getPath().isEmpty())
                || uri.getQuery() != null || uri.getRawUserInfo() != null
                || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))) {
            throw Invalid.field("allowedFormOrigins", "must be origins like https://www.example.com");
        }
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}

package dev.refer.core.comms.checkin;

import dev.refer.core.comms.consent.PreferencesRepository;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The month's top partners by attributed revenue ({@link Leaderboard#top}: ties stated, never padded), and the names
 * of those among them who agreed to be named in the shout-out. Read once per function environment and month (a few
 * minutes), since every check-in of the run shows the same list.
 */
public final class TopPartners {

    static final Duration TTL = Duration.ofMinutes(5);

    public record Month(List<Leaderboard.Ranked> ranked, List<String> named) {
        public Month {
            ranked = List.copyOf(ranked);
            named = List.copyOf(named);
        }
    }

    private record Cached(Month value, Instant until) {
    }

    private final Leaderboard leaderboard;
    private final PartnerRepository partners;
    private final PreferencesRepository preferences;
    private final Clock clock;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    public TopPartners(Leaderboard leaderboard, PartnerRepository partners, PreferencesRepository preferences,
                       Clock clock) {
        this.leaderboard = leaderboard;
        this.partners = partners;
        this.preferences = preferences;
        this.clock = clock;
    }

    public Month of(YearMonth month, int n) {
        String key = month + "/" + n;
        Instant now = clock.instant();
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.value();
        }
        List<Leaderboard.Ranked> ranked = leaderboard.top(month, n);
        List<String> named = new ArrayList<>();
        for (Leaderboard.Ranked r : ranked) {
            if (preferences.find(r.partnerId()).shoutOut()) {
                partners.find(r.partnerId()).filter(Partner::isActive).map(TopPartners::publicName)
                        .ifPresent(named::add);
            }
        }
        Month value = new Month(ranked, named);
        cache.put(key, new Cached(value, now.plus(TTL)));
        return value;
    }

    /** How a partner is named in public: its company when it has one, else its name. */
    public static String publicName(Partner partner) {
        return partner.company() == null || partner.company().isBlank() ? partner.name() : partner.company();
    }
}

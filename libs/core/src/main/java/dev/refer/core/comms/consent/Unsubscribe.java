package dev.refer.core.comms.consent;

import java.time.Clock;

/**
 * One-click unsubscribe: a link this program signed turns off its topic for its partner (idempotent: a second click
 * changes nothing more). Looking at a link ({@link #check}) changes nothing, so link scanners unsubscribe no one;
 * only the one-click request or the confirmation page's button ({@link #unsubscribe}) does.
 */
public final class Unsubscribe {

    public sealed interface Result {
        /** The link is good: the page may ask to confirm. */
        record Confirm(UnsubscribeLinks.Target target) implements Result {
        }

        /** The topic is off for the partner. */
        record Unsubscribed(UnsubscribeLinks.Target target) implements Result {
        }

        /** Incomplete, or not made by this program: nothing changed. */
        record BadLink() implements Result {
        }
    }

    private final UnsubscribeLinks links;
    private final PreferencesRepository preferences;
    private final Clock clock;

    public Unsubscribe(UnsubscribeLinks links, PreferencesRepository preferences, Clock clock) {
        this.links = links;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** What a link would turn off; nothing changes. */
    public Result check(String token) {
        return links.verify(token).<Result>map(Result.Confirm::new).orElseGet(Result.BadLink::new);
    }

    public Result unsubscribe(String token) {
        UnsubscribeLinks.Target target = links.verify(token).orElse(null);
        if (target == null) {
            return new Result.BadLink();
        }
        preferences.optOut(target.partnerId(), target.topic(), clock.instant());
        return new Result.Unsubscribed(target);
    }
}

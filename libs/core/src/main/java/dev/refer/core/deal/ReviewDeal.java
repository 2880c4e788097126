package dev.refer.core.deal;

import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.basics.validation.Rules;

import java.time.Clock;
import java.time.Instant;

/**
 * The program manager approves a registration (the partner's claim on the account is accepted: from now on, leads
 * and sales on its domain are the partner's, see {@code AttributionPolicy}) or rejects it with a reason (the domain is
 * free at once). An approval restarts the registration period from the approval ({@link DealSettings}): the partner
 * gets a full period to close the deal the manager backed, and the claim still ends, so no account is held forever.
 * Only a pending registration that has not expired can be approved; an expired one must be registered again.
 */
public final class ReviewDeal {

    public sealed interface Result {
        record Approved(Deal deal) implements Result {
        }

        record Rejected(Deal deal) implements Result {
        }

        record NotFound() implements Result {
        }

        /** It is not in a state the decision applies to (as of now: e.g. expired, or already rejected). */
        record NotReviewable(DealStatus status) implements Result {
        }
    }

    public static final int MAX_REASON = 1000;

    private final DealRegistry registry;
    private final DealSettings settings;
    private final Clock clock;

    public ReviewDeal(DealRegistry registry, DealSettings settings, Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.clock = clock;
    }

    public Result approve(DealId id) {
        Instant now = clock.instant();
        return registry.approve(id, now, now.plus(settings.registrationPeriod()))
                .<Result>map(Result.Approved::new)
                .orElseGet(() -> why(id, now));
    }

    /** @throws Invalid when the reason is missing or too long */
    public Result reject(DealId id, String reason) {
        String why = Rules.text(reason);
        Rules.check().require(why != null, "reason", "is required").maxLength(why, MAX_REASON, "reason").orThrow();
        Instant now = clock.instant();
        return registry.reject(id, why, now).<Result>map(Result.Rejected::new).orElseGet(() -> why(id, now));
    }

    private Result why(DealId id, Instant now) {
        return registry.find(id).<Result>map(deal -> new Result.NotReviewable(deal.statusAt(now)))
                .orElseGet(Result.NotFound::new);
    }
}

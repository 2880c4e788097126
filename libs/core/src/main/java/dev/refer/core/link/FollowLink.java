package dev.refer.core.link;

import dev.refer.core.basics.ids.IdGenerator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Someone opened a short link: find the link, record the click (unless a bot fetched a preview) and send the
 * visitor to the destination with every query parameter of the visit ({@link RedirectLocation}), {@code ref} and
 * {@code rid}. The hot path: one lookup, one put, nothing else (the program's sub-id names come from a per-environment
 * cache, and only for a visit that carries a parameter that could be one). A click that cannot be written
 * (throttling, a timeout) never strands the visitor: they are sent on without {@code rid} (the {@code ref} still
 * attributes a lead or sale by code), and the failure is handed back to be logged and counted.
 */
public final class FollowLink {

    public record Command(String code, String userAgent, VisitQuery query) {
        public Command {
            query = query == null ? VisitQuery.NONE : query;
        }

        public Command(String code, String userAgent, Map<String, String> query) {
            this(code, userAgent, VisitQuery.of(query));
        }
    }

    public sealed interface Result {
        /**
         * {@code clickId} is null when nothing was counted: a bot, or a click write that failed
         * ({@code clickWriteFailure}, null otherwise).
         */
        record Redirect(String location, ClickId clickId, RuntimeException clickWriteFailure) implements Result {
        }

        /** Unknown code, disabled link or suspended partner: the visitor sees a 404 page. */
        record NotFound() implements Result {
        }
    }

    private static final Result NOT_FOUND = new Result.NotFound();

    private final LinkLookup links;
    private final ClickRecorder clicks;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration clickRetention;
    private final Supplier<SubIdSettings> subIdSettings;

    public FollowLink(LinkLookup links, ClickRecorder clicks, IdGenerator ids, Clock clock,
                      Duration clickRetention) {
        this(links, clicks, ids, clock, clickRetention, () -> SubIdSettings.NONE);
    }

    /**
     * @param subIdSettings the program's sub-id names, cached by the caller; asked only for a visit with a parameter
     *                      that could be one. A failure to read them records no sub-ids and never stops the visitor.
     */
    public FollowLink(LinkLookup links, ClickRecorder clicks, IdGenerator ids, Clock clock,
                      Duration clickRetention, Supplier<SubIdSettings> subIdSettings) {
        this.links = Objects.requireNonNull(links);
        this.clicks = Objects.requireNonNull(clicks);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
        this.clickRetention = Objects.requireNonNull(clickRetention);
        this.subIdSettings = Objects.requireNonNull(subIdSettings);
    }

    public Result follow(Command command) {
        if (!LinkCode.isWellFormed(command.code())) {
            return NOT_FOUND;
        }
        Link link = links.find(new LinkCode(command.code())).orElse(null);
        if (link == null || !link.redirects()) {
            return NOT_FOUND;
        }
        VisitQuery visit = command.query();
        if (BotPolicy.isBot(command.userAgent())) {
            return new Result.Redirect(RedirectLocation.build(link.destination(), link.code(), null, visit),
                    null, null);
        }
        Instant now = clock.instant();
        ClickId clickId = new ClickId(ids.newId());
        try {
            clicks.record(new Click(clickId, link.code(), link.partnerId(), link.campaign(), now,
                    now.plus(clickRetention), subIds(visit)));
        } catch (RuntimeException e) {
            return new Result.Redirect(RedirectLocation.build(link.destination(), link.code(), null, visit),
                    null, e);
        }
        return new Result.Redirect(RedirectLocation.build(link.destination(), link.code(), clickId, visit),
                clickId, null);
    }

    private Map<String, String> subIds(VisitQuery visit) {
        if (!SubIdSettings.couldCarryOne(visit)) {
            return Map.of();
        }
        SubIdSettings settings;
        try {
            settings = subIdSettings.get();
        } catch (RuntimeException e) {
            return Map.of(); // the click counts all the same, without its sub-ids
        }
        return SubIds.of(settings, visit);
    }
}

package dev.refer.core.comms.mailing;

import dev.refer.core.comms.Topic;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One mailing to many partners, planned page by page through the queue: a month's check-ins, a broadcast, a day's
 * digests of one topic, or the notice of a new version of the terms. Its key names its run and its send keys.
 */
public record Campaign(Kind kind, String id) {

    public enum Kind {
        CHECKIN, BROADCAST, DIGEST,
        /** A new version of the terms, told to every active partner (transactional: no topic, no opt-out). */
        TERMS
    }

    public Campaign {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Campaign checkin(YearMonth month) {
        return new Campaign(Kind.CHECKIN, month.toString());
    }

    public static Campaign broadcast(String broadcastId) {
        return new Campaign(Kind.BROADCAST, broadcastId);
    }

    public static Campaign digest(LocalDate day, Topic topic) {
        return new Campaign(Kind.DIGEST, day + "#" + topic.wireName());
    }

    /** The notice of the terms version {@code version} to each active partner. */
    public static Campaign terms(String version) {
        return new Campaign(Kind.TERMS, version);
    }

    public YearMonth month() {
        return YearMonth.parse(id);
    }

    public LocalDate day() {
        return LocalDate.parse(id.substring(0, id.indexOf('#')));
    }

    /** The campaign's topic; null for transactional mail (the terms), which no preference turns off. */
    public Topic topic() {
        return switch (kind) {
            case CHECKIN -> Topic.CHECKIN;
            case BROADCAST -> Topic.BROADCAST;
            case DIGEST -> Topic.fromWire(id.substring(id.indexOf('#') + 1));
            case TERMS -> null;
        };
    }

    /** e.g. {@code checkin#2026-11}, {@code broadcast#01J...}, {@code digest#2026-11-30#leads}, {@code terms#2026-12}. */
    public String key() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + "#" + id;
    }

    /** The send key of the campaign's email to one partner. */
    public String sendKey(dev.refer.core.partner.PartnerId partnerId) {
        return key() + "#" + partnerId.value();
    }

    public static Campaign parse(String key) {
        int hash = key.indexOf('#');
        if (hash < 0) {
            throw new IllegalArgumentException("not a campaign key: " + key);
        }
        return new Campaign(Kind.valueOf(key.substring(0, hash).toUpperCase(java.util.Locale.ROOT)),
                key.substring(hash + 1));
    }
}

package dev.refer.table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The key design of docs/data-model.md, spelled once: the key and index attribute names, and every item's key. The
 * SDK adapters ({@code libs/dynamodb}'s {@code Keys} turns these into SDK key maps) and the redirect's lean client
 * ({@code libs/dynamodb-lite}) both build their keys here, so the items they share ({@code LINK}, {@code CLICK}) cannot
 * drift apart. Plain Java with no dependencies (ids arrive as strings), so it adds a few KB and no SDK to the redirect.
 * Program-scoped natural keys (emails, event, order and customer ids) carry the program id; ULID-keyed items do not
 * need it (ids are unique on their own).
 */
public final class TableKeys {

    // attributes

    public static final String PK = "pk";
    public static final String SK = "sk";
    public static final String GSI1PK = "gsi1pk";
    public static final String GSI1SK = "gsi1sk";
    public static final String GSI2PK = "gsi2pk";
    public static final String GSI2SK = "gsi2sk";
    public static final String GSI3PK = "gsi3pk";
    public static final String GSI3SK = "gsi3sk";
    /** Every item's kind, one of {@link ItemType}'s names. */
    public static final String TYPE = "type";

    // indexes

    public static final String GSI1 = "GSI1";
    public static final String GSI2 = "GSI2";
    public static final String GSI3 = "GSI3";

    // prefixes read back (key values parsed, or sort keys queried by prefix)

    public static final String PARTNER_PREFIX = "PARTNER#";
    public static final String CLICK_PREFIX = "CLICK#";
    public static final String COMMISSION_PREFIX = "COMMISSION#";
    public static final String PAYOUT_PREFIX = "PAYOUT#";
    public static final String STATS_ALL = "STATS#ALL";
    /** Sort-key prefix of a partner's rolled-up click items ({@link #partnerClicks}): every month's, in one Query. */
    public static final String CLICKS_PREFIX = "CLICKS#";

    private static final String PROGRAM_PREFIX = "PROGRAM#";

    private TableKeys() {
    }

    // program

    public static TableKey program(String programId) {
        return new TableKey(PROGRAM_PREFIX + programId, "PROGRAM");
    }

    /** The table's data version: the item shape every stored item has (absent: 1, before versions were kept). */
    public static TableKey dataVersion(String programId) {
        return new TableKey(PROGRAM_PREFIX + programId, "DATA_VERSION");
    }

    // partners

    public static String partnerPk(String partnerId) {
        return PARTNER_PREFIX + partnerId;
    }

    /** The partner id of a key written by {@link #partnerPk}. */
    public static String partnerIdOf(String partnerPk) {
        return partnerPk.substring(PARTNER_PREFIX.length());
    }

    public static TableKey partner(String partnerId) {
        return new TableKey(partnerPk(partnerId), "PARTNER");
    }

    public static String partnersOf(String programId) {
        return PROGRAM_PREFIX + programId + "#PARTNERS";
    }

    public static TableKey partnerEmail(String programId, String email) {
        return new TableKey("PARTNER_EMAIL#" + programId + "#" + email, "PARTNER_EMAIL");
    }

    // links and clicks

    public static String linkPk(String code) {
        return "LINK#" + code;
    }

    public static TableKey link(String code) {
        return new TableKey(linkPk(code), "LINK");
    }

    public static String linksOf(String partnerId) {
        return PARTNER_PREFIX + partnerId + "#LINKS";
    }

    /** Newest first within a partner's links: creation time, then the code to keep the key unique. */
    public static String linkOrder(Instant createdAt, String code) {
        return SortableTime.format(createdAt) + "#" + code;
    }

    public static TableKey click(String clickId) {
        return new TableKey(CLICK_PREFIX + clickId, "CLICK");
    }

    /** The click id of a key written by {@link #click}. */
    public static String clickIdOf(String clickPk) {
        return clickPk.substring(CLICK_PREFIX.length());
    }

    // leads

    public static TableKey lead(String leadId) {
        return new TableKey("LEAD#" + leadId, "LEAD");
    }

    public static String leadsOf(String partnerId) {
        return PARTNER_PREFIX + partnerId + "#LEADS";
    }

    /**
     * Organic leads are listed in {@link #ORGANIC_SHARDS} partitions, by a hash of the lead id: anyone can post the
     * form, so one partition (about 1,000 writes a second) must not cap them.
     */
    public static String organicLeads(String programId, String leadId) {
        return PROGRAM_PREFIX + programId + "#ORGANIC_LEADS#" + shard(leadId, ORGANIC_SHARDS);
    }

    public static final int ORGANIC_SHARDS = 16;

    /** A stable shard of {@code key} in [0, shards): the same on every JVM (String.hashCode is specified). */
    public static int shard(String key, int shards) {
        return Math.floorMod(key.hashCode(), shards);
    }

    public static TableKey leadEmail(String programId, String email) {
        return new TableKey("LEAD_EMAIL#" + programId + "#" + email, "LEAD_EMAIL");
    }

    // ledger

    public static TableKey conversion(String programId, String eventId) {
        return new TableKey("CONVERSION#" + programId + "#" + eventId, "CONVERSION");
    }

    public static String conversionsOf(String partnerId) {
        return PARTNER_PREFIX + partnerId + "#CONVERSIONS";
    }

    /** Organic conversions, in {@link #ORGANIC_SHARDS} partitions by a hash of the conversion id. */
    public static String organicConversions(String programId, String conversionId) {
        return PROGRAM_PREFIX + programId + "#ORGANIC_CONVERSIONS#" + shard(conversionId, ORGANIC_SHARDS);
    }

    public static TableKey customer(String programId, String externalId) {
        return new TableKey("CUSTOMER#" + programId + "#" + externalId, "CUSTOMER");
    }

    public static TableKey order(String programId, String orderId) {
        return new TableKey("ORDER#" + programId + "#" + orderId, "ORDER");
    }

    public static TableKey commission(String partnerId, String commissionId) {
        return new TableKey(partnerPk(partnerId), COMMISSION_PREFIX + commissionId);
    }

    /**
     * A partner's ledger entries not yet paid, in GSI2 by the date they become payable: the payout worker's Query
     * ({@code payableOn <= cutoff}). One partition per partner, so commissions of many partners never share one.
     */
    public static String unpaid(String partnerId) {
        return "UNPAID#" + partnerId;
    }

    public static String unpaidOrder(Instant payableOn, String commissionId) {
        return SortableTime.format(payableOn) + "#" + commissionId;
    }

    /** The entries a payout took, in GSI2 by due date: the statement's and a failed payout's Query. */
    public static String paidBy(String payoutId) {
        return PAYOUT_PREFIX + payoutId;
    }

    // payouts

    /** A payout beside its partner: a partner's payout history is one Query of the partner's partition. */
    public static TableKey payout(String partnerId, YearMonth period, String currency) {
        return new TableKey(partnerPk(partnerId), PAYOUT_PREFIX + period + "#" + currency);
    }

    /** A period's payouts, in GSI1 (one partition per period: written at the run's pace, read by the CSV). */
    public static String payoutsIn(String programId, YearMonth period) {
        return PROGRAM_PREFIX + programId + "#PAYOUTS#" + period;
    }

    /** The payee marker of a partner with unpaid entries, listed in GSI1 over {@link #payees} shards. */
    public static TableKey payee(String programId, String partnerId) {
        return new TableKey("PAYEE#" + programId + "#" + partnerId, "PAYEE");
    }

    public static String payees(String programId, int shard) {
        return PROGRAM_PREFIX + programId + "#PAYEES#" + shard;
    }

    /** A period's run, and one item per partner it processed (so a partner counts once). */
    public static TableKey payoutRun(String programId, YearMonth period) {
        return new TableKey(payoutRunPk(programId, period), "RUN");
    }

    public static TableKey payoutRunDone(String programId, YearMonth period, String partnerId) {
        return new TableKey(payoutRunPk(programId, period), "DONE#" + partnerId);
    }

    private static String payoutRunPk(String programId, YearMonth period) {
        return "PAYOUTRUN#" + programId + "#" + period;
    }

    /** One email's send record. */
    public static TableKey mail(String programId, String sendKey) {
        return new TableKey("MAIL#" + programId + "#" + sendKey, "MAIL");
    }

    /** What was sent to a partner, in GSI1 newest first (the send log a partner's history reads). */
    public static String mailTo(String partnerId) {
        return PARTNER_PREFIX + partnerId + "#MAIL";
    }

    // counters

    public static String statsMonth(YearMonth month) {
        return "STATS#" + month;
    }

    public static TableKey counted(String chunkKey) {
        return new TableKey("COUNTED#" + chunkKey, "COUNTED");
    }

    /**
     * Clicks counted by the stream consumer wait as deltas in the open epoch's partition, one item per counted chunk
     * ({@code sk} the chunk's key), until the epoch is rolled up.
     */
    public static TableKey clickDelta(long epoch, String chunkKey) {
        return new TableKey(clickDeltas(epoch), chunkKey);
    }

    public static String clickDeltas(long epoch) {
        return "CLICKDELTAS#" + epoch;
    }

    /** The epochs' state: the last sealed and the last rolled-up epoch. */
    public static TableKey clickRollupState() {
        return new TableKey("CLICKROLLUP", "STATE");
    }

    /**
     * A partner's clicks in a month: part 0 holds the total and the first links' counts ({@link #linkClicks}), further
     * parts the counts of further links when a partner has more than one update expression holds.
     */
    public static TableKey partnerClicks(String partnerId, YearMonth month, int part) {
        return new TableKey(partnerPk(partnerId), part == 0 ? CLICKS_PREFIX + month
                : CLICKS_PREFIX + month + "#" + part);
    }

    public static String linkClicks(String code) {
        return "l:" + code;
    }

    // partner communications

    public static TableKey commsSettings(String programId) {
        return new TableKey(PROGRAM_PREFIX + programId, "COMMS");
    }

    public static TableKey preferences(String partnerId) {
        return new TableKey(partnerPk(partnerId), "PREFS");
    }

    public static TableKey suppression(String programId, String address) {
        return new TableKey("SUPPRESSION#" + programId + "#" + address, "SUPPRESSION");
    }

    public static TableKey mailingRun(String programId, String campaignKey) {
        return new TableKey("MAILRUN#" + programId + "#" + campaignKey, "MAILRUN");
    }

    public static TableKey broadcast(String programId, String id) {
        return new TableKey("BROADCAST#" + programId + "#" + id, "BROADCAST");
    }

    public static String broadcastsOf(String programId) {
        return PROGRAM_PREFIX + programId + "#BROADCASTS";
    }

    /** The month's revenue ranking (GSI3, sort key the month's revenue in minor units). */
    public static String revenueRanking(String programId, YearMonth month) {
        return PROGRAM_PREFIX + programId + "#REVENUE#" + month;
    }

    public static String digestSk(LocalDate day, String topic) {
        return "DIGEST#" + day + "#" + topic;
    }

    public static String digestsOf(String programId, LocalDate day, String topic) {
        return PROGRAM_PREFIX + programId + "#DIGESTS#" + day + "#" + topic;
    }

    /** The sales alerts a day's flood held back, one partition per program and day, sorted by the lead's time. */
    public static String heldLeads(String programId, LocalDate day) {
        return PROGRAM_PREFIX + programId + "#LEADS_HELD#" + day;
    }

    // terms

    /** The current version of the program's terms (a copy of that version's item): the gate's one GetItem. */
    public static TableKey currentTerms(String programId) {
        return new TableKey(PROGRAM_PREFIX + programId, "TERMS");
    }

    /** One published version; its key makes a version unique. */
    public static TableKey termsVersion(String programId, String version) {
        return new TableKey("TERMS#" + programId + "#" + version, "TERMS");
    }

    /** The program's versions, in GSI1 by publication time. */
    public static String termsOf(String programId) {
        return PROGRAM_PREFIX + programId + "#TERMS";
    }

    /** A partner's acceptance of one version, beside the partner: one per partner and version. */
    public static TableKey termsAcceptance(String partnerId, String version) {
        return new TableKey(partnerPk(partnerId), "TERMS#" + version);
    }

    /** A partner's acceptances, in GSI1 by acceptance time. */
    public static String acceptancesOf(String partnerId) {
        return PARTNER_PREFIX + partnerId + "#TERMS";
    }

    /** Newest first in the terms listings: a time, then the version (or partner) that keeps the key unique. */
    public static String termsOrder(Instant at, String tieBreaker) {
        return SortableTime.format(at) + "#" + tieBreaker;
    }

    // applications

    public static TableKey application(String applicationId) {
        return new TableKey("APPLICATION#" + applicationId, "APPLICATION");
    }

    /** One application per email and program: the guard holds the application's id. */
    public static TableKey applicationEmail(String programId, String email) {
        return new TableKey("APPLICATION_EMAIL#" + programId + "#" + email, "APPLICATION_EMAIL");
    }

    /** One status's applications, in GSI1 by their latest submission ({@link #termsOrder}'s shape). */
    public static String applicationsOf(String programId, String status) {
        return PROGRAM_PREFIX + programId + "#APPLICATIONS#" + status;
    }

    /** How the program takes new partners in (automatic approval, the first link's destination). */
    public static TableKey onboardingSettings(String programId) {
        return new TableKey(PROGRAM_PREFIX + programId, "ONBOARDING");
    }

    // sub-ids

    /** The program's sub-id parameter names (read by the redirect, cached, and the admin API). */
    public static TableKey subIdSettings(String programId) {
        return new TableKey(PROGRAM_PREFIX + programId, "SUBIDS");
    }

    /** Sort-key prefix of a partner's per-sub-id counters: a month's ({@code SUBIDS#{month}#}) in one Query. */
    public static final String SUBIDS_PREFIX = "SUBIDS#";

    /** A partner's funnel per sub-id value of one link in one month (the counters function keeps it). */
    public static TableKey subIdStats(String partnerId, YearMonth month, String code) {
        return new TableKey(partnerPk(partnerId), SUBIDS_PREFIX + month + "#" + code);
    }

    // portal sign-in (items that expire: each carries expiresAt for the table's TTL)

    /** A sign-in link's token, keyed by its SHA-256 hash (the token itself is stored nowhere). */
    public static TableKey signInToken(String tokenHash) {
        return new TableKey("SIGNIN_TOKEN#" + tokenHash, "SIGNIN_TOKEN");
    }

    /** A partner's portal session, keyed by its random id. */
    public static TableKey portalSession(String sessionId) {
        return new TableKey("SESSION#" + sessionId, "SESSION");
    }

    /** A fixed-window request counter: {@code scope} says what is limited, {@code subject} whose requests. */
    public static TableKey rateCounter(String programId, String scope, String subject, Instant windowStart) {
        return new TableKey("RATE#" + programId + "#" + scope + "#" + subject, "WINDOW#" + windowStart);
    }

    // outbound webhooks

    /** Sort-key prefix of the program's webhook endpoints ({@link #webhookEndpoint}): all of them in one Query. */
    public static final String WEBHOOK_ENDPOINT_PREFIX = "WEBHOOK_ENDPOINT#";

    /** An outbound webhook endpoint, in the program's partition (a handful per program, listed by one Query). */
    public static TableKey webhookEndpoint(String programId, String endpointId) {
        return new TableKey(PROGRAM_PREFIX + programId, WEBHOOK_ENDPOINT_PREFIX + endpointId);
    }

    /** One event's delivery to one endpoint: its record claims it once, then logs its attempts. */
    public static TableKey webhookDelivery(String deliveryId) {
        return new TableKey("WEBHOOK_DELIVERY#" + deliveryId, "WEBHOOK_DELIVERY");
    }

    /** An endpoint's deliveries, in GSI1 by when each was claimed ({@link #termsOrder}'s shape), newest first. */
    public static String deliveriesOf(String endpointId) {
        return WEBHOOK_ENDPOINT_PREFIX + endpointId + "#DELIVERIES";
    }

    /** The program's partition, where its webhook endpoints are listed. */
    public static String programPartition(String programId) {
        return PROGRAM_PREFIX + programId;
    }

    // promotion codes (referral codes as coupons)

    /** A billing system's promotion code id, tied to the referral (link) code whose partner its sales earn. */
    public static TableKey promotionCode(String programId, String promotionCodeId) {
        return new TableKey("PROMOTION_CODE#" + programId + "#" + promotionCodeId, "PROMOTION_CODE");
    }

    // deal registrations

    /** A deal registration, by its id (the manager's routes name only the id). */
    public static TableKey deal(String dealId) {
        return new TableKey("DEAL#" + dealId, "DEAL");
    }

    /** The guard of a company domain: the live registration that holds it (one per domain and program). */
    public static TableKey dealDomain(String programId, String domain) {
        return new TableKey("DEAL_DOMAIN#" + programId + "#" + domain, "DEAL_DOMAIN");
    }

    /** A partner's registrations, in GSI1 newest first ({@code gsi1sk} the deal id). */
    public static String dealsOf(String partnerId) {
        return PARTNER_PREFIX + partnerId + "#DEALS";
    }

    /**
     * The program's registrations in one stored status, in GSI2: sorted by expiry for pending and approved ones (so
     * pending-and-live and pending-but-expired are two ranges of one partition), by decision for rejected ones.
     */
    public static String dealsIn(String programId, String status) {
        return PROGRAM_PREFIX + programId + "#DEALS#" + status;
    }

    public static String dealOrder(Instant at, String dealId) {
        return SortableTime.format(at) + "#" + dealId;
    }

    /** The program's deal-registration settings (the registration period). */
    public static TableKey dealSettings(String programId) {
        return new TableKey(PROGRAM_PREFIX + programId, "DEAL_SETTINGS");
    }

    // payout details

    /** A partner's payout details (encrypted), beside the partner. */
    public static TableKey payoutDetails(String partnerId) {
        return new TableKey(partnerPk(partnerId), "PAYOUT_DETAILS");
    }
}


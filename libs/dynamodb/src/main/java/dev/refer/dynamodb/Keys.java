package dev.refer.dynamodb;

import dev.refer.core.ledger.CommissionId;
import dev.refer.core.lead.LeadId;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.program.ProgramId;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;

/**
 * The key design of docs/data-model.md, in one place. Every key an adapter reads or writes is built here, so the
 * document and the code can be compared line by line. Program-scoped natural keys (emails, event, order and customer
 * ids) carry the program id; ULID-keyed items do not need it (ids are unique on their own).
 */
final class Keys {

    static final String PK = "pk";
    static final String SK = "sk";
    static final String GSI1PK = "gsi1pk";
    static final String GSI1SK = "gsi1sk";
    static final String GSI2PK = "gsi2pk";
    static final String GSI2SK = "gsi2sk";
    static final String TYPE = "type";

    static final String GSI3PK = "gsi3pk";
    static final String GSI3SK = "gsi3sk";

    static final String GSI1 = "GSI1";
    static final String GSI2 = "GSI2";
    static final String GSI3 = "GSI3";

    static final String STATS_ALL = "STATS#ALL";
    static final String COMMISSION_PREFIX = "COMMISSION#";

    private Keys() {
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    // program

    static Map<String, AttributeValue> program(ProgramId id) {
        return key("PROGRAM#" + id.value(), "PROGRAM");
    }

    // partners

    static String partnerPk(PartnerId id) {
        return "PARTNER#" + id.value();
    }

    static Map<String, AttributeValue> partner(PartnerId id) {
        return key(partnerPk(id), "PARTNER");
    }

    static String partnersOf(ProgramId programId) {
        return "PROGRAM#" + programId.value() + "#PARTNERS";
    }

    static Map<String, AttributeValue> partnerEmail(ProgramId programId, EmailAddress email) {
        return key("PARTNER_EMAIL#" + programId.value() + "#" + email.value(), "PARTNER_EMAIL");
    }

    // links and clicks

    static String linkPk(LinkCode code) {
        return linkPk(code.value());
    }

    static String linkPk(String code) {
        return "LINK#" + code;
    }

    static Map<String, AttributeValue> link(LinkCode code) {
        return key(linkPk(code), "LINK");
    }

    static String linksOf(PartnerId id) {
        return "PARTNER#" + id.value() + "#LINKS";
    }

    /** Newest first within a partner's links: creation time, then the code to keep the key unique. */
    static String linkOrder(Instant createdAt, LinkCode code) {
        return SortableTime.format(createdAt) + "#" + code.value();
    }

    static final String CLICK_PREFIX = "CLICK#";

    static Map<String, AttributeValue> click(ClickId id) {
        return key(CLICK_PREFIX + id.value(), "CLICK");
    }

    // leads

    static Map<String, AttributeValue> lead(LeadId id) {
        return key("LEAD#" + id.value(), "LEAD");
    }

    static String leadsOf(PartnerId id) {
        return "PARTNER#" + id.value() + "#LEADS";
    }

    /**
     * Organic leads are listed in {@link #ORGANIC_SHARDS} partitions, by a hash of the lead id: anyone can post the
     * form, so one partition (about 1,000 writes a second) must not cap them.
     */
    static String organicLeads(ProgramId programId, String leadId) {
        return "PROGRAM#" + programId.value() + "#ORGANIC_LEADS#" + shard(leadId, ORGANIC_SHARDS);
    }

    static final int ORGANIC_SHARDS = 16;

    /** A stable shard of {@code key} in [0, shards): the same on every JVM (String.hashCode is specified). */
    static int shard(String key, int shards) {
        return Math.floorMod(key.hashCode(), shards);
    }

    static Map<String, AttributeValue> leadEmail(ProgramId programId, EmailAddress email) {
        return key("LEAD_EMAIL#" + programId.value() + "#" + email.value(), "LEAD_EMAIL");
    }

    // ledger

    static Map<String, AttributeValue> conversion(ProgramId programId, String eventId) {
        return key("CONVERSION#" + programId.value() + "#" + eventId, "CONVERSION");
    }

    static String conversionsOf(PartnerId id) {
        return "PARTNER#" + id.value() + "#CONVERSIONS";
    }

    /** Organic conversions, in {@link #ORGANIC_SHARDS} partitions by a hash of the conversion id. */
    static String organicConversions(ProgramId programId, String conversionId) {
        return "PROGRAM#" + programId.value() + "#ORGANIC_CONVERSIONS#" + shard(conversionId, ORGANIC_SHARDS);
    }

    static Map<String, AttributeValue> customer(ProgramId programId, String externalId) {
        return key("CUSTOMER#" + programId.value() + "#" + externalId, "CUSTOMER");
    }

    static Map<String, AttributeValue> order(ProgramId programId, String orderId) {
        return key("ORDER#" + programId.value() + "#" + orderId, "ORDER");
    }

    static Map<String, AttributeValue> commission(PartnerId partnerId, CommissionId id) {
        return key(partnerPk(partnerId), COMMISSION_PREFIX + id.value());
    }

    /**
     * A partner's ledger entries not yet paid, in GSI2 by the date they become payable: the payout worker's Query
     * ({@code payableOn <= cutoff}). One partition per partner, so commissions of many partners never share one.
     */
    static String unpaid(PartnerId partnerId) {
        return "UNPAID#" + partnerId.value();
    }

    static String unpaidOrder(Instant payableOn, CommissionId id) {
        return SortableTime.format(payableOn) + "#" + id.value();
    }

    /** The entries a payout took, in GSI2 by due date: the statement's and a failed payout's Query. */
    static String paidBy(String payoutId) {
        return "PAYOUT#" + payoutId;
    }

    // payouts

    static final String PAYOUT_PREFIX = "PAYOUT#";

    /** A payout beside its partner: a partner's payout history is one Query of the partner's partition. */
    static Map<String, AttributeValue> payout(dev.refer.core.payout.PayoutId id) {
        return key(partnerPk(id.partnerId()), PAYOUT_PREFIX + id.period() + "#" + id.currency().getCurrencyCode());
    }

    /** A period's payouts, in GSI1 (one partition per period: written at the run's pace, read by the CSV). */
    static String payoutsIn(ProgramId programId, YearMonth period) {
        return "PROGRAM#" + programId.value() + "#PAYOUTS#" + period;
    }

    /** The payee marker of a partner with unpaid entries; listed in GSI1 over {@code PayeeIndex.SHARDS} shards. */
    static Map<String, AttributeValue> payee(ProgramId programId, PartnerId partnerId) {
        return key("PAYEE#" + programId.value() + "#" + partnerId.value(), "PAYEE");
    }

    static String payees(ProgramId programId, int shard) {
        return "PROGRAM#" + programId.value() + "#PAYEES#" + shard;
    }

    static int payeeShard(PartnerId partnerId) {
        return shard(partnerId.value(), dev.refer.core.payout.PayeeIndex.SHARDS);
    }

    /** A period's run, and one item per partner it processed (so a partner counts once). */
    static Map<String, AttributeValue> payoutRun(ProgramId programId, YearMonth period) {
        return key("PAYOUTRUN#" + programId.value() + "#" + period, "RUN");
    }

    static Map<String, AttributeValue> payoutRunDone(ProgramId programId, YearMonth period, PartnerId partnerId) {
        return key("PAYOUTRUN#" + programId.value() + "#" + period, "DONE#" + partnerId.value());
    }

    /** One email's send record. */
    static Map<String, AttributeValue> mail(ProgramId programId, String sendKey) {
        return key("MAIL#" + programId.value() + "#" + sendKey, "MAIL");
    }

    /** What was sent to a partner, in GSI1 newest first (the send log a partner's history reads). */
    static String mailTo(PartnerId partnerId) {
        return "PARTNER#" + partnerId.value() + "#MAIL";
    }

    // counters

    static String statsMonth(YearMonth month) {
        return "STATS#" + month;
    }

    static Map<String, AttributeValue> counted(String chunkKey) {
        return key("COUNTED#" + chunkKey, "COUNTED");
    }

    /**
     * Clicks counted by the stream consumer wait as deltas in the open epoch's partition, one item per counted chunk
     * ({@code sk} the chunk's key), until {@link DynamoDbClickRollups} rolls the epoch up.
     */
    static Map<String, AttributeValue> clickDelta(long epoch, String chunkKey) {
        return key(clickDeltas(epoch), chunkKey);
    }

    static String clickDeltas(long epoch) {
        return "CLICKDELTAS#" + epoch;
    }

    /** The epochs' state: the last sealed and the last rolled-up epoch. */
    static Map<String, AttributeValue> clickRollupState() {
        return key("CLICKROLLUP", "STATE");
    }

    /**
     * A partner's clicks in a month: part 0 holds the total and the first links' counts ({@code l:{code}}), further
     * parts the counts of further links when a partner has more than one update expression holds.
     */
    static Map<String, AttributeValue> partnerClicks(PartnerId partnerId, YearMonth month, int part) {
        return key(partnerPk(partnerId), part == 0 ? "CLICKS#" + month : "CLICKS#" + month + "#" + part);
    }

    static String linkClicks(String code) {
        return "l:" + code;
    }

    // partner communications

    static Map<String, AttributeValue> commsSettings(ProgramId programId) {
        return key("PROGRAM#" + programId.value(), "COMMS");
    }

    static Map<String, AttributeValue> preferences(PartnerId partnerId) {
        return key(partnerPk(partnerId), "PREFS");
    }

    static Map<String, AttributeValue> suppression(ProgramId programId, String address) {
        return key("SUPPRESSION#" + programId.value() + "#" + address, "SUPPRESSION");
    }

    static Map<String, AttributeValue> mailingRun(ProgramId programId, String campaignKey) {
        return key("MAILRUN#" + programId.value() + "#" + campaignKey, "MAILRUN");
    }

    static Map<String, AttributeValue> broadcast(ProgramId programId, String id) {
        return key("BROADCAST#" + programId.value() + "#" + id, "BROADCAST");
    }

    static String broadcastsOf(ProgramId programId) {
        return "PROGRAM#" + programId.value() + "#BROADCASTS";
    }

    /** The month's revenue ranking (GSI3, sort key the month's revenue in minor units). */
    static String revenueRanking(ProgramId programId, YearMonth month) {
        return "PROGRAM#" + programId.value() + "#REVENUE#" + month;
    }

    static String digestSk(java.time.LocalDate day, String topic) {
        return "DIGEST#" + day + "#" + topic;
    }

    static String digestsOf(ProgramId programId, java.time.LocalDate day, String topic) {
        return "PROGRAM#" + programId.value() + "#DIGESTS#" + day + "#" + topic;
    }

    /** The sales alerts a day's flood held back, one partition per program and day, sorted by the lead's time. */
    static String heldLeads(ProgramId programId, java.time.LocalDate day) {
        return "PROGRAM#" + programId.value() + "#LEADS_HELD#" + day;
    }
}

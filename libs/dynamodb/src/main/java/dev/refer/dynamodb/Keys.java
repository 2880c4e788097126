package dev.refer.dynamodb;

import dev.refer.core.ledger.CommissionId;
import dev.refer.core.lead.LeadId;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.PayeeIndex;
import dev.refer.core.payout.PayoutId;
import dev.refer.core.program.ProgramId;
import dev.refer.table.TableKey;
import dev.refer.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The key design of docs/data-model.md for the SDK adapters: the vocabulary of {@link TableKeys} (spelled there once,
 * shared with the redirect's lean client) taking the core's ids and answering SDK key maps. Nothing here spells a key;
 * the attribute and index names are {@link TableKeys}' own, repeated by name only so the adapters read
 * {@code Keys.PK}.
 */
final class Keys {

    static final String PK = TableKeys.PK;
    static final String SK = TableKeys.SK;
    static final String GSI1PK = TableKeys.GSI1PK;
    static final String GSI1SK = TableKeys.GSI1SK;
    static final String GSI2PK = TableKeys.GSI2PK;
    static final String GSI2SK = TableKeys.GSI2SK;
    static final String GSI3PK = TableKeys.GSI3PK;
    static final String GSI3SK = TableKeys.GSI3SK;
    static final String TYPE = TableKeys.TYPE;

    static final String GSI1 = TableKeys.GSI1;
    static final String GSI2 = TableKeys.GSI2;
    static final String GSI3 = TableKeys.GSI3;

    static final String STATS_ALL = TableKeys.STATS_ALL;
    static final String COMMISSION_PREFIX = TableKeys.COMMISSION_PREFIX;
    static final String PAYOUT_PREFIX = TableKeys.PAYOUT_PREFIX;

    private Keys() {
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    static Map<String, AttributeValue> key(TableKey key) {
        return key(key.pk(), key.sk());
    }

    // program

    static Map<String, AttributeValue> program(ProgramId id) {
        return key(TableKeys.program(id.value()));
    }

    static Map<String, AttributeValue> dataVersion(ProgramId id) {
        return key(TableKeys.dataVersion(id.value()));
    }

    // partners

    static String partnerPk(PartnerId id) {
        return TableKeys.partnerPk(id.value());
    }

    /** The partner whose partition holds an item ({@code PARTNER#{id}}). */
    static PartnerId partnerOf(Map<String, AttributeValue> item) {
        return new PartnerId(TableKeys.partnerIdOf(item.get(PK).s()));
    }

    static Map<String, AttributeValue> partner(PartnerId id) {
        return key(TableKeys.partner(id.value()));
    }

    static String partnersOf(ProgramId programId) {
        return TableKeys.partnersOf(programId.value());
    }

    static Map<String, AttributeValue> partnerEmail(ProgramId programId, EmailAddress email) {
        return key(TableKeys.partnerEmail(programId.value(), email.value()));
    }

    // links and clicks

    static Map<String, AttributeValue> link(LinkCode code) {
        return key(TableKeys.link(code.value()));
    }

    static String linksOf(PartnerId id) {
        return TableKeys.linksOf(id.value());
    }

    static String linkOrder(Instant createdAt, LinkCode code) {
        return TableKeys.linkOrder(createdAt, code.value());
    }

    static Map<String, AttributeValue> click(ClickId id) {
        return key(TableKeys.click(id.value()));
    }

    // leads

    static Map<String, AttributeValue> lead(LeadId id) {
        return key(TableKeys.lead(id.value()));
    }

    static String leadsOf(PartnerId id) {
        return TableKeys.leadsOf(id.value());
    }

    static String organicLeads(ProgramId programId, String leadId) {
        return TableKeys.organicLeads(programId.value(), leadId);
    }

    static Map<String, AttributeValue> leadEmail(ProgramId programId, EmailAddress email) {
        return key(TableKeys.leadEmail(programId.value(), email.value()));
    }

    // ledger

    static Map<String, AttributeValue> conversion(ProgramId programId, String eventId) {
        return key(TableKeys.conversion(programId.value(), eventId));
    }

    static String conversionsOf(PartnerId id) {
        return TableKeys.conversionsOf(id.value());
    }

    static String organicConversions(ProgramId programId, String conversionId) {
        return TableKeys.organicConversions(programId.value(), conversionId);
    }

    static Map<String, AttributeValue> customer(ProgramId programId, String externalId) {
        return key(TableKeys.customer(programId.value(), externalId));
    }

    static Map<String, AttributeValue> order(ProgramId programId, String orderId) {
        return key(TableKeys.order(programId.value(), orderId));
    }

    static Map<String, AttributeValue> commission(PartnerId partnerId, CommissionId id) {
        return key(TableKeys.commission(partnerId.value(), id.value()));
    }

    static String unpaid(PartnerId partnerId) {
        return TableKeys.unpaid(partnerId.value());
    }

    static String unpaidOrder(Instant payableOn, CommissionId id) {
        return TableKeys.unpaidOrder(payableOn, id.value());
    }

    static String paidBy(String payoutId) {
        return TableKeys.paidBy(payoutId);
    }

    // payouts

    static Map<String, AttributeValue> payout(PayoutId id) {
        return key(TableKeys.payout(id.partnerId().value(), id.period(), id.currency().getCurrencyCode()));
    }

    static String payoutsIn(ProgramId programId, YearMonth period) {
        return TableKeys.payoutsIn(programId.value(), period);
    }

    static Map<String, AttributeValue> payee(ProgramId programId, PartnerId partnerId) {
        return key(TableKeys.payee(programId.value(), partnerId.value()));
    }

    static String payees(ProgramId programId, int shard) {
        return TableKeys.payees(programId.value(), shard);
    }

    /** The payee marker's GSI1 shard: a hash of the partner id over {@link PayeeIndex#SHARDS}. */
    static int payeeShard(PartnerId partnerId) {
        return TableKeys.shard(partnerId.value(), PayeeIndex.SHARDS);
    }

    static Map<String, AttributeValue> payoutRun(ProgramId programId, YearMonth period) {
        return key(TableKeys.payoutRun(programId.value(), period));
    }

    static Map<String, AttributeValue> payoutRunDone(ProgramId programId, YearMonth period, PartnerId partnerId) {
        return key(TableKeys.payoutRunDone(programId.value(), period, partnerId.value()));
    }

    static Map<String, AttributeValue> mail(ProgramId programId, String sendKey) {
        return key(TableKeys.mail(programId.value(), sendKey));
    }

    static String mailTo(PartnerId partnerId) {
        return TableKeys.mailTo(partnerId.value());
    }

    // counters

    static String statsMonth(YearMonth month) {
        return TableKeys.statsMonth(month);
    }

    static Map<String, AttributeValue> counted(String chunkKey) {
        return key(TableKeys.counted(chunkKey));
    }

    /** A counted chunk's click deltas, until {@link DynamoDbClickRollups} rolls the epoch up. */
    static Map<String, AttributeValue> clickDelta(long epoch, String chunkKey) {
        return key(TableKeys.clickDelta(epoch, chunkKey));
    }

    static String clickDeltas(long epoch) {
        return TableKeys.clickDeltas(epoch);
    }

    static Map<String, AttributeValue> clickRollupState() {
        return key(TableKeys.clickRollupState());
    }

    static Map<String, AttributeValue> partnerClicks(PartnerId partnerId, YearMonth month, int part) {
        return key(TableKeys.partnerClicks(partnerId.value(), month, part));
    }

    static String linkClicks(String code) {
        return TableKeys.linkClicks(code);
    }

    // partner communications

    static Map<String, AttributeValue> commsSettings(ProgramId programId) {
        return key(TableKeys.commsSettings(programId.value()));
    }

    static Map<String, AttributeValue> preferences(PartnerId partnerId) {
        return key(TableKeys.preferences(partnerId.value()));
    }

    static Map<String, AttributeValue> suppression(ProgramId programId, String address) {
        return key(TableKeys.suppression(programId.value(), address));
    }

    static Map<String, AttributeValue> mailingRun(ProgramId programId, String campaignKey) {
        return key(TableKeys.mailingRun(programId.value(), campaignKey));
    }

    static Map<String, AttributeValue> broadcast(ProgramId programId, String id) {
        return key(TableKeys.broadcast(programId.value(), id));
    }

    static String broadcastsOf(ProgramId programId) {
        return TableKeys.broadcastsOf(programId.value());
    }

    static String revenueRanking(ProgramId programId, YearMonth month) {
        return TableKeys.revenueRanking(programId.value(), month);
    }

    static String digestSk(LocalDate day, String topic) {
        return TableKeys.digestSk(day, topic);
    }

    static String digestsOf(ProgramId programId, LocalDate day, String topic) {
        return TableKeys.digestsOf(programId.value(), day, topic);
    }

    static String heldLeads(ProgramId programId, LocalDate day) {
        return TableKeys.heldLeads(programId.value(), day);
    }
}

package dev.refer.dynamodb;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.lead.LeadId;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.link.ClickId;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.PayeeIndex;
import dev.refer.core.payout.PayoutId;
import dev.refer.core.program.ProgramId;
import dev.refer.core.signin.TokenHash;
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
public final class Keys {

    public static final String PK = TableKeys.PK;
    public static final String SK = TableKeys.SK;
    public static final String GSI1PK = TableKeys.GSI1PK;
    public static final String GSI1SK = TableKeys.GSI1SK;
    public static final String GSI2PK = TableKeys.GSI2PK;
    public static final String GSI2SK = TableKeys.GSI2SK;
    public static final String GSI3PK = TableKeys.GSI3PK;
    public static final String GSI3SK = TableKeys.GSI3SK;
    public static final String TYPE = TableKeys.TYPE;

    public static final String GSI1 = TableKeys.GSI1;
    public static final String GSI2 = TableKeys.GSI2;
    public static final String GSI3 = TableKeys.GSI3;

    public static final String STATS_ALL = TableKeys.STATS_ALL;
    public static final String CLICKS_PREFIX = TableKeys.CLICKS_PREFIX;
    public static final String COMMISSION_PREFIX = TableKeys.COMMISSION_PREFIX;
    public static final String PAYOUT_PREFIX = TableKeys.PAYOUT_PREFIX;

    private Keys() {
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    public static Map<String, AttributeValue> key(TableKey key) {
        return key(key.pk(), key.sk());
    }

    // program

    public static Map<String, AttributeValue> program(ProgramId id) {
        return key(TableKeys.program(id.value()));
    }

    public static Map<String, AttributeValue> dataVersion(ProgramId id) {
        return key(TableKeys.dataVersion(id.value()));
    }

    // partners

    public static String partnerPk(PartnerId id) {
        return TableKeys.partnerPk(id.value());
    }

    /** The partner whose partition holds an item ({@code PARTNER#{id}}). */
    public static PartnerId partnerOf(Map<String, AttributeValue> item) {
        return new PartnerId(TableKeys.partnerIdOf(item.get(PK).s()));
    }

    public static Map<String, AttributeValue> partner(PartnerId id) {
        return key(TableKeys.partner(id.value()));
    }

    public static String partnersOf(ProgramId programId) {
        return TableKeys.partnersOf(programId.value());
    }

    public static Map<String, AttributeValue> partnerEmail(ProgramId programId, EmailAddress email) {
        return key(TableKeys.partnerEmail(programId.value(), email.value()));
    }

    // links and clicks

    public static Map<String, AttributeValue> link(LinkCode code) {
        return key(TableKeys.link(code.value()));
    }

    public static String linksOf(PartnerId id) {
        return TableKeys.linksOf(id.value());
    }

    public static String linkOrder(Instant createdAt, LinkCode code) {
        return TableKeys.linkOrder(createdAt, code.value());
    }

    public static Map<String, AttributeValue> click(ClickId id) {
        return key(TableKeys.click(id.value()));
    }

    // leads

    public static Map<String, AttributeValue> lead(LeadId id) {
        return key(TableKeys.lead(id.value()));
    }

    public static String leadsOf(PartnerId id) {
        return TableKeys.leadsOf(id.value());
    }

    public static String organicLeads(ProgramId programId, String leadId) {
        return TableKeys.organicLeads(programId.value(), leadId);
    }

    public static Map<String, AttributeValue> leadEmail(ProgramId programId, EmailAddress email) {
        return key(TableKeys.leadEmail(programId.value(), email.value()));
    }

    // ledger

    public static Map<String, AttributeValue> conversion(ProgramId programId, String eventId) {
        return key(TableKeys.conversion(programId.value(), eventId));
    }

    public static String conversionsOf(PartnerId id) {
        return TableKeys.conversionsOf(id.value());
    }

    public static String organicConversions(ProgramId programId, String conversionId) {
        return TableKeys.organicConversions(programId.value(), conversionId);
    }

    public static Map<String, AttributeValue> customer(ProgramId programId, String externalId) {
        return key(TableKeys.customer(programId.value(), externalId));
    }

    public static Map<String, AttributeValue> order(ProgramId programId, String orderId) {
        return key(TableKeys.order(programId.value(), orderId));
    }

    public static Map<String, AttributeValue> commission(PartnerId partnerId, CommissionId id) {
        return key(TableKeys.commission(partnerId.value(), id.value()));
    }

    public static String unpaid(PartnerId partnerId) {
        return TableKeys.unpaid(partnerId.value());
    }

    public static String unpaidOrder(Instant payableOn, CommissionId id) {
        return TableKeys.unpaidOrder(payableOn, id.value());
    }

    public static String paidBy(String payoutId) {
        return TableKeys.paidBy(payoutId);
    }

    // payouts

    public static Map<String, AttributeValue> payout(PayoutId id) {
        return key(TableKeys.payout(id.partnerId().value(), id.period(), id.currency().getCurrencyCode()));
    }

    public static String payoutsIn(ProgramId programId, YearMonth period) {
        return TableKeys.payoutsIn(programId.value(), period);
    }

    public static Map<String, AttributeValue> payee(ProgramId programId, PartnerId partnerId) {
        return key(TableKeys.payee(programId.value(), partnerId.value()));
    }

    public static String payees(ProgramId programId, int shard) {
        return TableKeys.payees(programId.value(), shard);
    }

    /** The payee marker's GSI1 shard: a hash of the partner id over {@link PayeeIndex#SHARDS}. */
    public static int payeeShard(PartnerId partnerId) {
        return TableKeys.shard(partnerId.value(), PayeeIndex.SHARDS);
    }

    public static Map<String, AttributeValue> payoutRun(ProgramId programId, YearMonth period) {
        return key(TableKeys.payoutRun(programId.value(), period));
    }

    public static Map<String, AttributeValue> payoutRunDone(ProgramId programId, YearMonth period, PartnerId partnerId) {
        return key(TableKeys.payoutRunDone(programId.value(), period, partnerId.value()));
    }

    public static Map<String, AttributeValue> mail(ProgramId programId, String sendKey) {
        return key(TableKeys.mail(programId.value(), sendKey));
    }

    public static String mailTo(PartnerId partnerId) {
        return TableKeys.mailTo(partnerId.value());
    }

    // counters

    public static String statsMonth(YearMonth month) {
        return TableKeys.statsMonth(month);
    }

    public static Map<String, AttributeValue> counted(String chunkKey) {
        return key(TableKeys.counted(chunkKey));
    }

    /** A counted chunk's click deltas, until {@link DynamoDbClickRollups} rolls the epoch up. */
    public static Map<String, AttributeValue> clickDelta(long epoch, String chunkKey) {
        return key(TableKeys.clickDelta(epoch, chunkKey));
    }

    public static String clickDeltas(long epoch) {
        return TableKeys.clickDeltas(epoch);
    }

    public static Map<String, AttributeValue> clickRollupState() {
        return key(TableKeys.clickRollupState());
    }

    public static Map<String, AttributeValue> partnerClicks(PartnerId partnerId, YearMonth month, int part) {
        return key(TableKeys.partnerClicks(partnerId.value(), month, part));
    }

    public static String linkClicks(String code) {
        return TableKeys.linkClicks(code);
    }

    // partner communications

    public static Map<String, AttributeValue> commsSettings(ProgramId programId) {
        return key(TableKeys.commsSettings(programId.value()));
    }

    public static Map<String, AttributeValue> preferences(PartnerId partnerId) {
        return key(TableKeys.preferences(partnerId.value()));
    }

    public static Map<String, AttributeValue> suppression(ProgramId programId, String address) {
        return key(TableKeys.suppression(programId.value(), address));
    }

    public static Map<String, AttributeValue> mailingRun(ProgramId programId, String campaignKey) {
        return key(TableKeys.mailingRun(programId.value(), campaignKey));
    }

    public static Map<String, AttributeValue> broadcast(ProgramId programId, String id) {
        return key(TableKeys.broadcast(programId.value(), id));
    }

    public static String broadcastsOf(ProgramId programId) {
        return TableKeys.broadcastsOf(programId.value());
    }

    public static String revenueRanking(ProgramId programId, YearMonth month) {
        return TableKeys.revenueRanking(programId.value(), month);
    }

    public static String digestSk(LocalDate day, String topic) {
        return TableKeys.digestSk(day, topic);
    }

    public static String digestsOf(ProgramId programId, LocalDate day, String topic) {
        return TableKeys.digestsOf(programId.value(), day, topic);
    }

    public static String heldLeads(ProgramId programId, LocalDate day) {
        return TableKeys.heldLeads(programId.value(), day);
    }

    // terms

    public static Map<String, AttributeValue> currentTerms(ProgramId programId) {
        return key(TableKeys.currentTerms(programId.value()));
    }

    public static Map<String, AttributeValue> termsVersion(ProgramId programId, String version) {
        return key(TableKeys.termsVersion(programId.value(), version));
    }

    public static String termsOf(ProgramId programId) {
        return TableKeys.termsOf(programId.value());
    }

    public static Map<String, AttributeValue> termsAcceptance(PartnerId partnerId, String version) {
        return key(TableKeys.termsAcceptance(partnerId.value(), version));
    }

    public static String acceptancesOf(PartnerId partnerId) {
        return TableKeys.acceptancesOf(partnerId.value());
    }

    public static String termsOrder(Instant at, String tieBreaker) {
        return TableKeys.termsOrder(at, tieBreaker);
    }

    // applications

    public static Map<String, AttributeValue> application(String applicationId) {
        return key(TableKeys.application(applicationId));
    }

    public static Map<String, AttributeValue> applicationEmail(ProgramId programId, EmailAddress email) {
        return key(TableKeys.applicationEmail(programId.value(), email.value()));
    }

    public static String applicationsOf(ProgramId programId, String status) {
        return TableKeys.applicationsOf(programId.value(), status);
    }

    public static Map<String, AttributeValue> onboardingSettings(ProgramId programId) {
        return key(TableKeys.onboardingSettings(programId.value()));
    }

    // sub-ids

    public static Map<String, AttributeValue> subIdSettings(ProgramId programId) {
        return key(TableKeys.subIdSettings(programId.value()));
    }

    public static Map<String, AttributeValue> subIdStats(PartnerId partnerId, YearMonth month, String code) {
        return key(TableKeys.subIdStats(partnerId.value(), month, code));
    }

    // portal sign-in

    public static Map<String, AttributeValue> signInToken(TokenHash hash) {
        return key(TableKeys.signInToken(hash.value()));
    }

    public static Map<String, AttributeValue> portalSession(String sessionId) {
        return key(TableKeys.portalSession(sessionId));
    }

    public static Map<String, AttributeValue> rateCounter(ProgramId programId, String scope, String subject,
                                                          Instant windowStart) {
        return key(TableKeys.rateCounter(programId.value(), scope, subject, windowStart));
    }
}

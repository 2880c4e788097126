package dev.refer.core.comms;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.ledger.Commission;
import dev.refer.core.mail.LeadAlertLetter;
import dev.refer.core.mail.LeadDigestLetter;
import dev.refer.core.mail.NotificationLetter.What;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutStatus;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells a partner, once, what just happened to something of theirs (from the table's stream): a new lead attributed
 * to them, a lead qualified, rejected or converted, a commission earned, a payout sent; now, in the day's digest, or
 * not at all, as the partner chose for the topic. Sales (or the program manager) hear of each new attributed lead.
 */
public final class Notify {

    private static final String SALES_ALERTS = "sales-alerts";
    /** At most this many held-back leads are listed in a day's lead digest (the rest are counted, and in the API). */
    public static final int LEAD_DIGEST_LINES = 200;
    private static final String LEAD_DIGEST = "lead-digest#";

    /** What sales hear of a new lead a partner brought (what the stream carries to the mail queue). */
    public record SalesAlert(String leadId, String name, String email, String company, PartnerId partnerId,
                             Instant createdAt) {

        /** Empty for a lead nobody brought. */
        public static Optional<SalesAlert> of(Lead lead) {
            return lead.attribution() == null ? Optional.empty() : Optional.of(new SalesAlert(lead.id().value(),
                    lead.name(), lead.email().value(), lead.company(), lead.attribution().partnerId(),
                    lead.createdAt()));
        }
    }

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final PreferencesRepository preferences;
    private final DigestBook digests;
    private final CommsSettingsRepository settings;
    private final UnsubscribeLinks unsubscribe;
    private final Deliver deliver;
    private final SendOnce transactional;
    private final ZoneId zone;
    private final Clock clock;

    public Notify(ProgramId programId, ProgramRepository programs, PartnerRepository partners,
                  PreferencesRepository preferences, DigestBook digests, CommsSettingsRepository settings,
                  UnsubscribeLinks unsubscribe, Deliver deliver, SendOnce transactional, ZoneId zone, Clock clock) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.preferences = preferences;
        this.digests = digests;
        this.settings = settings;
        this.unsubscribe = unsubscribe;
        this.deliver = deliver;
        this.transactional = transactional;
        this.zone = zone;
        this.clock = clock;
    }

    /** What a lead's change tells its partner (nothing for an organic lead). */
    public static List<Notification> of(Lead before, Lead after) {
        // a lead taken over by stronger evidence is news to its new partner only (the one who held it hears nothing)
        boolean takenOver = before != null && after.attribution() != null && after.status() == LeadStatus.NEW
                && (before.attribution() == null
                || !before.attribution().partnerId().equals(after.attribution().partnerId()));
        if (takenOver) {
            before = null;
        }
        if (after.attribution() == null || (before != null && before.status() == after.status())) {
            return List.of();
        }
        What what = switch (after.status()) {
            case NEW -> What.LEAD_NEW;
            case QUALIFIED -> What.LEAD_QUALIFIED;
            case REJECTED -> What.LEAD_REJECTED;
            case CONVERTED -> What.LEAD_CONVERTED;
        };
        if (before == null && after.status() != LeadStatus.NEW) {
            return List.of();
        }
        String about = after.company() == null || after.company().isBlank() ? after.name()
                : after.name() + " (" + after.company() + ")";
        // (a takeover's key names the claim: the lead's first partner may have been told of it under the plain key)
        String key = what.name().toLowerCase(java.util.Locale.ROOT) + "#" + after.id().value()
                + (takenOver ? "#" + after.history().size() : "");
        return List.of(new Notification(key,
                after.attribution().partnerId(), Topic.LEADS,
                new NotificationLetter.Event(what, after.updatedAt() == null ? after.createdAt() : after.updatedAt(),
                        about, null, what == What.LEAD_REJECTED ? after.statusReason() : null)));
    }

    /** A positive ledger entry, when it is written. */
    public static List<Notification> of(Commission before, Commission after) {
        if (before != null || after.kind().takesBack() || !after.amount().isPositive()) {
            return List.of();
        }
        return List.of(new Notification("commission#" + after.id().value(), after.partnerId(), Topic.COMMISSIONS,
                new NotificationLetter.Event(What.COMMISSION_EARNED, after.earnedAt(),
                        after.orderId() == null ? after.source() : after.orderId(), after.amount(), after.rule())));
    }

    /** A payout marked paid. */
    public static List<Notification> of(Payout before, Payout after) {
        if (after.status() != PayoutStatus.PAID || (before != null && before.status() == PayoutStatus.PAID)) {
            return List.of();
        }
        return List.of(new Notification("payout-sent#" + after.id().value(), after.partnerId(), Topic.PAYOUTS,
                new NotificationLetter.Event(What.PAYOUT_SENT, after.updatedAt(), after.period().toString(),
                        after.amount(), after.reference())));
    }

    /** Sends or files one notification as the partner chose; the outcome, empty when filed or not wanted. */
    public Optional<Deliver.Outcome> notify(Notification notification) {
        Partner partner = partners.find(notification.partnerId()).orElse(null);
        if (partner == null) {
            return Optional.empty();
        }
        Choice choice = preferences.find(partner.id()).choice(notification.topic());
        if (choice == Choice.NONE) {
            return Optional.empty();
        }
        LocalDate day = notification.event().at().atZone(zone).toLocalDate();
        // at most the program's notificationsPerDay of a topic one by one; past it (a flood of leads), the rest wait
        // in the day's digest, so a partner hears of each once without an inbox full
        CommsSettings material = choice == Choice.DIGEST ? null : settings.find();
        if (material == null || !digests.admitNow(partner.id(), day, notification.topic().wireName(),
                notification.key(), material.notificationsPerDay())) {
            LocalDate into = digestDay(day, Campaign.digest(day, notification.topic()).sendKey(partner.id()));
            digests.add(partner.id(), into, notification);
            return Optional.empty();
        }
        Program program = program();
        return Optional.of(deliver.deliver(new Deliver.Delivery("notify#" + notification.key(), partner.id(),
                "notification", partner.email(), notification.topic(), false,
                () -> new NotificationLetter(partner.email(), program.payouts().locale(),
                        material.programNameOr(programId.value()), partner.name(), notification.topic(),
                        List.of(notification.event()), null, unsubscribe.url(partner.id(), notification.topic())))));
    }

    /**
     * Sales (or the program manager) hear of a new lead a partner brought, once; of one partner's leads, at most
     * the program's {@code notificationsPerDay} a day one by one (a flood is no inbox's matter): the rest are held for
     * the day's lead digest ({@link #salesDigest}). Empty when held back or when there is nobody to tell.
     */
    public Optional<SendOnce.Outcome> alertSales(SalesAlert lead) {
        LocalDate day = lead.createdAt().atZone(zone).toLocalDate();
        CommsSettings material = settings.find();
        if (!digests.admitNow(lead.partnerId(), day, SALES_ALERTS, "lead-alert#" + lead.leadId(),
                material.notificationsPerDay())) {
            digests.hold(digestDay(day, LEAD_DIGEST + day), lead);
            return Optional.empty();
        }
        Program program = program();
        EmailAddress to = salesAddress(program, material);
        if (to == null) {
            return Optional.empty();
        }
        Partner partner = partners.find(lead.partnerId()).orElse(null);
        return Optional.of(transactional.send("lead-alert#" + lead.leadId(), null, "lead-alert", to,
                () -> new LeadAlertLetter(to, program.payouts().locale(), material.programNameOr(programId.value()),
                        lead.leadId(), lead.name(), lead.email(), lead.company(),
                        partner == null ? lead.partnerId().value() : partner.name(),
                        partner == null ? null : partner.email().value(), lead.createdAt())));
    }

    /**
     * The day's lead digest to sales: the leads a flood held back from one-by-one alerts, once (after the day's
     * digests are planned). Empty when none were held back or there is nobody to tell.
     */
    public Optional<SendOnce.Outcome> salesDigest(LocalDate day) {
        DigestBook.Held held = digests.held(day, LEAD_DIGEST_LINES);
        if (held.total() == 0) {
            return Optional.empty();
        }
        Program program = program();
        CommsSettings material = settings.find();
        EmailAddress to = salesAddress(program, material);
        if (to == null) {
            return Optional.empty();
        }
        return Optional.of(transactional.send(LEAD_DIGEST + day, null, "lead-digest", to, () -> {
            Map<PartnerId, String> names = new HashMap<>();
            List<LeadDigestLetter.Line> lines = held.alerts().stream().map(lead -> new LeadDigestLetter.Line(
                    lead.leadId(), lead.name(), lead.email(), lead.company(),
                    names.computeIfAbsent(lead.partnerId(), id -> partners.find(id).map(Partner::name)
                            .orElse(id.value())), lead.createdAt())).toList();
            return new LeadDigestLetter(to, program.payouts().locale(), material.programNameOr(programId.value()),
                    day, lines, held.total(), material.notificationsPerDay());
        }));
    }

    /**
     * The day whose digest takes something of {@code day}: that day's, unless it went out already (a notification
     * late from a backlog or a redrive): then today's, so nothing filed is left out of every digest. Only a day
     * before today is looked up (one read; the usual notification is of today).
     */
    private LocalDate digestDay(LocalDate day, String digestKey) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return day.isBefore(today) && transactional.claimed(digestKey) ? today : day;
    }

    private static EmailAddress salesAddress(Program program, CommsSettings material) {
        return material.salesEmail() != null ? material.salesEmail() : program.payouts().managerEmail();
    }

    /** The day's digest of one topic to one partner (a digest campaign's message). */
    public Optional<Deliver.Outcome> digest(Campaign campaign, dev.refer.core.partner.PartnerId partnerId) {
        Partner partner = partners.find(partnerId).orElse(null);
        if (partner == null) {
            return Optional.empty();
        }
        List<NotificationLetter.Event> events = new ArrayList<>(
                digests.events(partnerId, campaign.day(), campaign.topic()));
        if (events.isEmpty()) {
            return Optional.empty();
        }
        Program program = program();
        CommsSettings material = settings.find();
        return Optional.of(deliver.deliver(new Deliver.Delivery(campaign.sendKey(partnerId), partnerId, "digest",
                partner.email(), campaign.topic(), true,
                () -> new NotificationLetter(partner.email(), program.payouts().locale(),
                        material.programNameOr(programId.value()), partner.name(), campaign.topic(), events,
                        campaign.day(), unsubscribe.url(partnerId, campaign.topic())))));
    }

    /** The day before now, in the program's zone: the day a digest run covers. */
    public LocalDate yesterday() {
        return LocalDate.now(clock.withZone(zone)).minusDays(1);
    }

    private Program program() {
        return programs.find(programId).orElseThrow(() -> new IllegalStateException("the program is not configured"));
    }
}

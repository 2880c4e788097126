package dev.refer.core.comms.notify;

import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.core.comms.consent.Choice;
import dev.refer.core.comms.consent.PreferencesRepository;
import dev.refer.core.comms.consent.UnsubscribeLinks;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.Deliver;
import dev.refer.core.comms.mailing.DigestCalendar;
import dev.refer.core.mail.NotificationLetter;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.LocalDate;
import java.util.List;

/**
 * Tells a partner, once, what just happened to something of theirs: now, in the day's digest, or not at all, as the
 * partner chose for the topic. At most the program's {@code notificationsPerDay} of a topic go out one by one; past
 * it (a flood of leads) the rest wait in the day's digest, so a partner hears of each once without an inbox full.
 */
public final class NotifyPartner {

    /** What became of the notification. */
    public sealed interface Result {
        /** Sent now (or decided by the send log: suppressed, opted out, sent before). */
        record Delivered(Deliver.Outcome outcome) implements Result {
        }

        /** Filed for the digest of {@code day} (the partner takes the topic as a digest, or the day's limit is hit). */
        record Filed(LocalDate day) implements Result {
        }

        /** The partner wants nothing of the topic. */
        record NotWanted() implements Result {
        }

        /** The partner is no longer in the program. */
        record PartnerGone() implements Result {
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
    private final SendOnce sendLog;
    private final DigestCalendar calendar;

    /** @param sendLog read only: whether a day's digest went out already */
    public NotifyPartner(ProgramId programId, ProgramRepository programs, PartnerRepository partners,
                         PreferencesRepository preferences, DigestBook digests, CommsSettingsRepository settings,
                         UnsubscribeLinks unsubscribe, Deliver deliver, SendOnce sendLog, DigestCalendar calendar) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.preferences = preferences;
        this.digests = digests;
        this.settings = settings;
        this.unsubscribe = unsubscribe;
        this.deliver = deliver;
        this.sendLog = sendLog;
        this.calendar = calendar;
    }

    public Result notify(Notification notification) {
        Partner partner = partners.find(notification.partnerId()).orElse(null);
        if (partner == null) {
            return new Result.PartnerGone();
        }
        Choice choice = preferences.find(partner.id()).choice(notification.topic());
        if (choice == Choice.NONE) {
            return new Result.NotWanted();
        }
        LocalDate day = notification.event().at().atZone(calendar.zone()).toLocalDate();
        CommsSettings written = choice == Choice.DIGEST ? null : settings.find();
        if (written == null || !digests.admitNow(partner.id(), day, notification.topic().wireName(),
                notification.key(), written.notificationsPerDay())) {
            String digestKey = Campaign.digest(day, notification.topic()).sendKey(partner.id());
            LocalDate into = calendar.dayTaking(day, () -> sendLog.claimed(digestKey));
            digests.add(partner.id(), into, notification);
            return new Result.Filed(into);
        }
        Program program = programs.find(programId)
                .orElseThrow(() -> new IllegalStateException("the program is not configured"));
        return new Result.Delivered(deliver.deliver(new Deliver.Delivery("notify#" + notification.key(),
                partner.id(), "notification", partner.email(), notification.topic(), false,
                () -> new NotificationLetter(partner.email(), program.payouts().locale(),
                        written.programNameOr(programId.value()), partner.name(), notification.topic().wireName(),
                        List.of(notification.event()), null, unsubscribe.url(partner.id(), notification.topic())))));
    }
}

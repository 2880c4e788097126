package dev.refer.core.comms.broadcast;

import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.MailingMessages;
import dev.refer.core.comms.mailing.MailingRuns;
import dev.refer.core.comms.mailing.RunMailing;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.Clock;
import java.util.Optional;

/**
 * Announcements to all active partners, as the program manager runs them: created as a draft whose preview goes to
 * the program manager, then sent through the mail queue under the check-in's rules (send log, pace, suppression,
 * unsubscribe), each partner once ({@link MailBroadcast} writes them); the run counts what was sent, suppressed,
 * opted out and failed.
 */
public final class Broadcasts {

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final BroadcastBook book;
    private final MailingMessages messages;
    private final RunMailing mailing;
    private final IdGenerator ids;
    private final Clock clock;

    public Broadcasts(ProgramId programId, ProgramRepository programs, BroadcastBook book, MailingMessages messages,
                      RunMailing mailing, IdGenerator ids, Clock clock) {
        this.programId = programId;
        this.programs = programs;
        this.book = book;
        this.messages = messages;
        this.mailing = mailing;
        this.ids = ids;
        this.clock = clock;
    }

    /** A draft, and its preview on its way to the program manager. */
    public Broadcast create(String subject, String body, String audience) {
        Program program = program();
        if (program.payouts().managerEmail() == null) {
            throw Invalid.field("payouts.managerEmail", "must be set in the program: the preview goes there");
        }
        Broadcast broadcast = new Broadcast(ids.newId(), subject, body, audience, Broadcast.Status.DRAFT,
                clock.instant(), null);
        book.create(broadcast);
        messages.preview(broadcast.id());
        return broadcast;
    }

    /** Starts (or resumes) sending; empty when there is no such broadcast. */
    public Optional<MailingRuns.Run> send(String id) {
        return book.markSending(id, clock.instant()).map(b -> mailing.start(Campaign.broadcast(id)));
    }

    private Program program() {
        return programs.find(programId).orElseThrow(() -> new IllegalStateException("the program is not configured"));
    }
}

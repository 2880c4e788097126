package dev.refer.core.payout;

import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.mail.RunSummaryLetter;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.util.ArrayList;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;

/** Sends the program manager the run's summary once every planned partner was processed (once per period). */
public final class SummarizeRun {

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PayoutBook book;
    private final SendOnce mail;

    public SummarizeRun(ProgramId programId, ProgramRepository programs, PayoutBook book, SendOnce mail) {
        this.programId = programId;
        this.programs = programs;
        this.book = book;
        this.mail = mail;
    }

    /** @return whether the summary went out now */
    public boolean ifComplete(PayoutRuns.Run run) {
        if (run == null || !run.complete()) {
            return false;
        }
        Program program = programs.find(programId).orElse(null);
        if (program == null || program.payouts().managerEmail() == null) {
            return false;
        }
        return mail.send("run-summary#" + run.period(), null, "run-summary", program.payouts().managerEmail(),
                () -> letter(program, run)) == SendOnce.Outcome.SENT;
    }

    private RunSummaryLetter letter(Program program, PayoutRuns.Run run) {
        Map<Currency, Money> totals = new TreeMap<>((a, b) -> a.getCurrencyCode().compareTo(b.getCurrencyCode()));
        int payouts = 0;
        String cursor = null;
        do {
            Page<Payout> page = book.payoutsIn(run.period(), new PageRequest(PageRequest.MAX_LIMIT, cursor));
            for (Payout payout : page.items()) {
                if (payout.status() != PayoutStatus.FAILED) {
                    payouts++;
                    totals.merge(payout.amount().currency(), payout.amount(), Money::plus);
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return new RunSummaryLetter(program.payouts().managerEmail(), program.payouts().locale(),
                program.id().value(), run.period(), run.processed(), payouts, new ArrayList<>(totals.values()),
                "/admin/payouts.csv?period=" + run.period());
    }
}

package dev.refer.core.lead;

import dev.refer.core.basics.ids.IdGenerator;
import dev.refer.core.basics.validation.Rules;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionKind;
import dev.refer.core.ledger.CommissionLedger;
import dev.refer.core.ledger.CommissionPolicy;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sales team reviews a referred lead: qualified (a fit; the partner earns the plan's lead reward, once) or
 * rejected with a reason the partner can learn from. A new lead can be qualified or rejected; a qualified one can
 * still be rejected (the sales team learnt more), and then what is left of its lead reward is reversed in the same
 * write: a negative ledger entry that points at the reward (payable with it while it is held, at once when it is due
 * or paid already: a clawback against the next payout), and the lead records that nothing is left, so a later void
 * of the reward takes nothing more back (and a void that came first leaves the rejection nothing to reverse: the store
 * refuses a reversal of an entry voided meanwhile). A rejected or converted lead is not reviewed again.
 */
public final class ReviewLead {

    public enum Decision { QUALIFY, REJECT }

    public record Command(LeadId leadId, Decision decision, String reason) {
        public Command {
            reason = Rules.text(reason);
            Rules.check().maxLength(reason, 500, "reason").orThrow();
        }
    }

    public sealed interface Result {
        /**
         * {@code entries}: the lead reward a qualification earned, or the reversal of it a rejection caused; empty
         * when the plan pays nothing for a qualified lead, or the lead is organic.
         */
        record Reviewed(Lead lead, List<Commission> entries) implements Result {
        }

        record NotFound() implements Result {
        }

        record NotReviewable(LeadStatus current) implements Result {
        }

        record ProgramNotConfigured() implements Result {
        }
    }

    private static final int ATTEMPTS = 3;

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final LeadRepository leads;
    private final PartnerRepository partners;
    private final CommissionLedger ledger;
    private final CommissionPolicy commissions;
    private final IdGenerator ids;
    private final Clock clock;

    public ReviewLead(ProgramId programId, ProgramRepository programs, LeadRepository leads,
                      PartnerRepository partners, CommissionLedger ledger, CommissionPolicy commissions,
                      IdGenerator ids, Clock clock) {
        this.programId = programId;
        this.programs = programs;
        this.leads = leads;
        this.partners = partners;
        this.ledger = ledger;
        this.commissions = commissions;
        this.ids = ids;
        this.clock = clock;
    }

    public Result review(Command command) {
        Program program = programs.find(programId).orElse(null);
        if (program == null) {
            return new Result.ProgramNotConfigured();
        }
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Lead lead = leads.find(command.leadId()).orElse(null);
            if (lead == null) {
                return new Result.NotFound();
            }
            boolean allowed = command.decision() == Decision.QUALIFY ? lead.status().canQualify()
                    : lead.status().canReject();
            if (!allowed) {
                return new Result.NotReviewable(lead.status());
            }
            Instant now = clock.instant();
            List<Commission> entries = new ArrayList<>();
            Lead reviewed;
            if (command.decision() == Decision.QUALIFY) {
                Commission reward = reward(program, lead, now);
                if (reward != null) {
                    entries.add(reward);
                }
                reviewed = lead.withStatus(LeadStatus.QUALIFIED, command.reason(),
                        reward == null ? null : new Lead.Reward(reward.id(), reward.amount(), reward.payableOn()), now);
            } else {
                if (lead.reward() != null && lead.reward().amount().isPositive()) { // (zero once voided)
                    entries.add(reversal(lead, now));
                }
                reviewed = lead.withStatus(LeadStatus.REJECTED, command.reason(),
                        lead.reward() == null ? null : lead.reward().takenBack(), now);
            }
            if (leads.review(reviewed, lead.status(), entries)) {
                return new Result.Reviewed(reviewed, entries);
            }
        }
        Lead current = leads.find(command.leadId()).orElseThrow();
        return new Result.NotReviewable(current.status());
    }

    /** The plan's lead reward, for an attributed lead whose partner is active. */
    private Commission reward(Program program, Lead lead, Instant now) {
        if (lead.attributed().isEmpty()) {
            return null;
        }
        Partner partner = partners.find(lead.attribution().partnerId()).orElse(null);
        if (partner == null || !partner.isActive()) {
            return null;
        }
        return commissions.forQualifiedLead(program, partner, now)
                .map(earning -> new Commission(new CommissionId(ids.newId()), partner.id(), earning.kind(),
                        CommissionStatus.PENDING, earning.amount(), earning.rule(), lead.id().value(), null, null,
                        now, earning.payableOn()))
                .orElse(null);
    }

    /**
     * Takes back what is left of the lead reward: payable with the reward while it is held (so they net), at once when
     * it is due or was paid already (read from the ledger: an early approval moves it).
     */
    private Commission reversal(Lead lead, Instant now) {
        Lead.Reward reward = lead.reward();
        Instant payableOn = ledger.find(lead.attribution().partnerId(), reward.commissionId())
                .map(entry -> commissions.reversalPayableOn(entry, now))
                .orElseGet(() -> commissions.reversalPayableOn(reward.payableOn(), now));
        return new Commission(new CommissionId(ids.newId()), lead.attribution().partnerId(), CommissionKind.REVERSAL,
                CommissionStatus.PENDING, reward.amount().negate(), "lead rejected after qualification:"
                + " reverses its reward of " + reward.amount(), lead.id().value(), null,
                reward.commissionId(), now, payableOn);
    }
}

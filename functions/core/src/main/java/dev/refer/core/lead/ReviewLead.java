package dev.refer.core.lead;

import dev.refer.core.commission.Commission;
import dev.refer.core.commission.CommissionId;
import dev.refer.core.commission.CommissionPolicy;
import dev.refer.core.commission.CommissionStatus;
import dev.refer.core.ids.IdGenerator;
import dev.refer.core.partner.Partner;
import dev.refer.core.ports.LeadRepository;
import dev.refer.core.ports.PartnerRepository;
import dev.refer.core.ports.ProgramRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.stats.Counters;
import dev.refer.core.stats.StatsDelta;
import dev.refer.core.validation.Rules;

import java.time.Clock;
import java.time.Instant;

/**
 * The sales team reviews a referred lead: qualified (a fit; the partner earns the plan's lead reward, once) or
 * rejected with a reason the partner can learn from. A lead is reviewed once; a second review is refused.
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
        /** {@code reward} is null when the plan pays nothing for a qualified lead, or the lead is organic. */
        record Reviewed(Lead lead, Commission reward) implements Result {
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
    private final IdGenerator ids;
    private final Clock clock;

    public ReviewLead(ProgramId programId, ProgramRepository programs, LeadRepository leads,
                      PartnerRepository partners, IdGenerator ids, Clock clock) {
        this.programId = programId;
        this.programs = programs;
        this.leads = leads;
        this.partners = partners;
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
            LeadStatus next = command.decision() == Decision.QUALIFY ? LeadStatus.QUALIFIED : LeadStatus.REJECTED;
            Lead reviewed = lead.withStatus(next, command.reason(), now);
            Commission reward = null;
            StatsDelta stats = null;
            if (lead.attributed().isPresent()) {
                Partner partner = partners.find(lead.attribution().partnerId()).orElse(null);
                if (next == LeadStatus.QUALIFIED && partner != null && partner.isActive()) {
                    reward = CommissionPolicy.forQualifiedLead(program, partner, now)
                            .map(earning -> new Commission(new CommissionId(ids.newId()), partner.id(),
                                    earning.kind(), CommissionStatus.PENDING, earning.amount(), earning.rule(),
                                    lead.id().value(), null, null, now, earning.payableOn()))
                            .orElse(null);
                }
                StatsDelta.Builder delta = StatsDelta.forPartner(lead.attribution().partnerId(), now)
                        .event(next == LeadStatus.QUALIFIED ? Counters.LEADS_QUALIFIED : Counters.LEADS_REJECTED, 1)
                        .status(Counters.leadStatus(lead.status()), -1)
                        .status(Counters.leadStatus(next), 1);
                if (reward != null) {
                    delta.event(Counters.commissionEarned(reward.amount().currency()), reward.amount().minor())
                            .status(Counters.commissionStatus(CommissionStatus.PENDING, reward.amount().currency()),
                                    reward.amount().minor());
                }
                stats = delta.build();
            }
            if (leads.review(reviewed, lead.status(), reward, stats)) {
                return new Result.Reviewed(reviewed, reward);
            }
        }
        Lead current = leads.find(command.leadId()).orElseThrow();
        return new Result.NotReviewable(current.status());
    }
}

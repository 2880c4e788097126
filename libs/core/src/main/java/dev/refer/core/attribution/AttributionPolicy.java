package dev.refer.core.attribution;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.coupon.PromotionCode;
import dev.refer.core.coupon.PromotionCodes;
import dev.refer.core.deal.CompanyDomain;
import dev.refer.core.deal.DealClaim;
import dev.refer.core.deal.DealClaims;
import dev.refer.core.deal.FreeMailDomains;
import dev.refer.core.link.Click;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.link.LinkLookup;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Who gets the credit, from the evidence a visitor, a lead or a billing event carries. Strongest first, for a sale or
 * renewal of a billing customer seen for the first time (a known customer is decided before this: it stays with the
 * partner that brought it, or stays organic):
 *
 * <ol>
 *   <li><b>an approved deal registration of the email's domain</b>, within its life: the program manager accepted the
 *       partner's claim on that account, which outweighs any anonymous click or code (a prospect's employees click
 *       whatever links they meet while the registering partner works the account);</li>
 *   <li><b>a promotion code tied to a partner's referral code</b>, which the buyer paid with: the buyer's own act at
 *       checkout;</li>
 *   <li><b>the event's own click</b> ({@code rid}): the buyer came through the partner's link within the attribution
 *       window before the sale;</li>
 *   <li><b>a lead matched by the customer's email, attributed by a click</b>, captured within the window before the
 *       sale;</li>
 *   <li><b>the event's own link code</b> ({@code ref}), which the billing system sends (a referral code at checkout);
 *       </li>
 *   <li><b>a lead matched by email, attributed by a bare code</b>, within the window.</li>
 * </ol>
 *
 * A click beats a code because a code is public (anyone can post any prospect with any partner's code); between two
 * pieces of evidence of one kind, the event's own (signed by the billing system) beats the lead's (posted by anyone).
 * Every rank needs an active partner and, for a click or a code, an enabled link: nothing new is attributed to a
 * suspended partner or through a disabled link. A click or lead counts only from {@link #CLOCK_SKEW} before the event
 * on (our clock and the billing system's differ a little), and only within the window.
 */
public final class AttributionPolicy {

    /** How far apart our clock and a billing system's may be. */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** Which evidence won, strongest first. */
    public enum Rank {
        DEAL_REGISTRATION, PROMOTION_CODE, EVENT_CLICK, LEAD_BY_CLICK, EVENT_CODE, LEAD_BY_CODE
    }

    /** The winning evidence: its attribution, the (active) partner it names and its rank. */
    public record Winner(Attribution attribution, Partner partner, Rank rank) {
    }

    /** A lead found by the customer's email: its attribution (null when organic) and when it was captured. */
    public record LeadEvidence(Attribution attribution, Instant capturedAt) {
    }

    private final LinkLookup links;
    private final PartnerRepository partners;
    private final DealClaims deals;
    private final PromotionCodes promotionCodes;

    /** Without deal registrations (paths and tests that do not read them). */
    public AttributionPolicy(LinkLookup links, PartnerRepository partners) {
        this(links, partners, DealClaims.NONE);
    }

    /** Without promotion codes (the paths whose events carry none: leads, the conversion webhook). */
    public AttributionPolicy(LinkLookup links, PartnerRepository partners, DealClaims deals) {
        this(links, partners, deals, PromotionCodes.NONE);
    }

    public AttributionPolicy(LinkLookup links, PartnerRepository partners, DealClaims deals,
                             PromotionCodes promotionCodes) {
        this.links = links;
        this.partners = partners;
        this.deals = deals;
        this.promotionCodes = promotionCodes;
    }

    /**
     * A lead captured at {@code at}: an approved registration of its email's domain, else its own click, else its
     * code; empty when organic.
     */
    public Optional<Attribution> forLead(Click click, String ref, EmailAddress email, Instant at, Duration window) {
        Optional<Attribution> byDeal = byDeal(email, at).filter(this::activePartner);
        if (byDeal.isPresent()) {
            return byDeal;
        }
        Optional<Attribution> byClick = byClick(click, at, window);
        return byClick.isPresent() ? byClick : byCode(ref);
    }

    /**
     * A sale or renewal of a billing customer seen for the first time, at {@code occurredAt}: the strongest evidence
     * that names an active partner, or empty (organic).
     *
     * @param click the event's own click ({@code rid}), or null
     * @param lead  the lead with the customer's email, when one exists and its status still counts, or null
     * @param ref   the event's own link code, or null
     * @param email the billing customer's email, or null: its domain is looked up for an approved registration
     */
    public Optional<Winner> forConversion(Click click, LeadEvidence lead, String ref, EmailAddress email,
                                          Instant occurredAt, Duration window) {
        return forConversion(click, lead, ref, null, email, occurredAt, window);
    }

    /**
     * As above, with the promotion code the buyer paid with ({@code promotionCode}, the billing system's id, or
     * null): a code tied to a partner's referral code ranks right below an approved deal registration, above the
     * event's click. Typing a partner's code into the payment form is the buyer's own act at checkout, naming the
     * partner at the moment of the sale; a click is only where the buyer came from, maybe weeks before.
     */
    public Optional<Winner> forConversion(Click click, LeadEvidence lead, String ref, String promotionCode,
                                          EmailAddress email, Instant occurredAt, Duration window) {
        return forConversion(byDeal(email, occurredAt), click, lead, ref, promotionCode, occurredAt, window);
    }

    /**
     * As above, with the registration holding the buyer's company domain ({@link #dealDomainOf} of its email) read
     * already, with the event's other evidence in the same round trip, instead of looked up here: a first sale of a
     * company not seen before costs no read of its own.
     *
     * @param domainClaim the registration holding the domain as read, or null when none holds it (or the email names
     *                    no company domain)
     */
    public Optional<Winner> forConversionWithDomainRead(Click click, LeadEvidence lead, String ref,
                                                        String promotionCode, DealClaim domainClaim,
                                                        Instant occurredAt, Duration window) {
        Optional<Attribution> byDeal = Optional.ofNullable(domainClaim).filter(claim -> claim.isEvidenceAt(occurredAt))
                .map(AttributionPolicy::attributionOf);
        return forConversion(byDeal, click, lead, ref, promotionCode, occurredAt, window);
    }

    private Optional<Winner> forConversion(Optional<Attribution> byDeal, Click click, LeadEvidence lead, String ref,
                                           String promotionCode, Instant occurredAt, Duration window) {
        Optional<Winner> winner = winner(byDeal, Rank.DEAL_REGISTRATION);
        if (winner.isEmpty()) {
            winner = winner(byPromotionCode(promotionCode), Rank.PROMOTION_CODE);
        }
        if (winner.isEmpty()) {
            winner = winner(byClick(click, occurredAt, window), Rank.EVENT_CLICK);
        }
        Optional<Attribution> byLead = lead == null ? Optional.empty() : byLead(lead, occurredAt, window);
        if (winner.isEmpty() && byLead.isPresent() && byLead.get().clickId() != null) {
            winner = winner(byLead, Rank.LEAD_BY_CLICK);
        }
        if (winner.isEmpty()) {
            winner = winner(byCode(ref), Rank.EVENT_CODE);
        }
        if (winner.isEmpty() && byLead.isPresent() && byLead.get().clickId() == null) {
            winner = winner(byLead, Rank.LEAD_BY_CODE);
        }
        return winner;
    }

    private Optional<Winner> winner(Optional<Attribution> attribution, Rank rank) {
        if (attribution.isEmpty()) {
            return Optional.empty();
        }
        return partners.find(attribution.get().partnerId()).filter(Partner::isActive)
                .map(partner -> new Winner(attribution.get(), partner, rank));
    }

    private boolean activePartner(Attribution attribution) {
        return partners.find(attribution.partnerId()).filter(Partner::isActive).isPresent();
    }

    /**
     * The approved registration of {@code email}'s domain, when {@code at} is within its life. Free-mail domains name
     * no company and are never read (most consumer addresses cost nothing); any other domain costs one key read,
     * which the wirings cache ({@code CachedDealClaims}).
     */
    Optional<Attribution> byDeal(EmailAddress email, Instant at) {
        CompanyDomain domain = dealDomainOf(email);
        if (domain == null) {
            return Optional.empty();
        }
        return deals.claimOn(domain).filter(claim -> claim.isEvidenceAt(at))
                .map(AttributionPolicy::attributionOf);
    }

    /**
     * The company domain whose deal registration is evidence for {@code email}: null for none, a free-mail domain
     * (which names no company) or a domain no registration could hold.
     */
    public static CompanyDomain dealDomainOf(EmailAddress email) {
        if (email == null || FreeMailDomains.isFreeMail(email.domain())) {
            return null;
        }
        return CompanyDomain.ofEmailDomain(email.domain());
    }

    private static Attribution attributionOf(DealClaim claim) {
        return new Attribution(claim.partnerId(), Attribution.Path.DEAL, null, null, null);
    }

    /** A click within the window before {@code at}, through a link that still redirects (enabled, partner active). */
    Optional<Attribution> byClick(Click click, Instant at, Duration window) {
        if (click == null || !within(click.at(), at, window)) {
            return Optional.empty();
        }
        return links.find(click.code())
                .filter(link -> link.redirects() && link.partnerId().equals(click.partnerId()))
                .map(link -> new Attribution(click.partnerId(), Attribution.Path.CLICK, click.code(), click.id(),
                        click.campaign(), click.subIds()));
    }

    /**
     * The referral code a promotion code is tied to, through a link that still redirects (enabled, partner active).
     * Like a code it carries no time: the window does not apply.
     */
    Optional<Attribution> byPromotionCode(String promotionCode) {
        if (!PromotionCode.isWellFormed(promotionCode)) {
            return Optional.empty();
        }
        return promotionCodes.find(promotionCode)
                .flatMap(tie -> links.find(tie.code()))
                .filter(Link::redirects)
                .map(link -> new Attribution(link.partnerId(), Attribution.Path.COUPON, link.code(), null,
                        link.campaign()));
    }

    /** A link code of a link that still redirects. A code carries no time: the window does not apply. */
    Optional<Attribution> byCode(String ref) {
        if (!LinkCode.isWellFormed(ref)) {
            return Optional.empty();
        }
        return links.find(new LinkCode(ref)).filter(Link::redirects)
                .map(link -> new Attribution(link.partnerId(), Attribution.Path.CODE, link.code(), null,
                        link.campaign()));
    }

    /** A lead's own attribution, while its window (counted from the lead's capture) is open. */
    private static Optional<Attribution> byLead(LeadEvidence lead, Instant at, Duration window) {
        if (lead.attribution() == null || !within(lead.capturedAt(), at, window)) {
            return Optional.empty();
        }
        return Optional.of(lead.attribution().via(Attribution.Path.LEAD));
    }

    /** {@code evidence} happened at most {@code window} before {@code at}, and not after it (beyond clock skew). */
    static boolean within(Instant evidence, Instant at, Duration window) {
        return !evidence.isAfter(at.plus(CLOCK_SKEW)) && !evidence.plus(window).isBefore(at);
    }
}

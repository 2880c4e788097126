package dev.refer.core.terms;

import dev.refer.core.basics.cache.TtlCache;
import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.core.comms.mailing.Campaign;
import dev.refer.core.comms.mailing.Deliver;
import dev.refer.core.comms.mailing.Mailed;
import dev.refer.core.mail.TermsUpdatedLetter;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.core.program.ProgramRepository;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells one active partner of a new version of the terms (the mail worker's part of {@link PublishTerms}' campaign):
 * transactional mail, so no preference turns it off, but an address that bounced or complained gets nothing
 * ({@link Deliver}); once per partner and version (the campaign's send key). A version no longer current when the
 * message arrives (a newer one was published meanwhile) is not told: the newer one's campaign tells it.
 *
 * <p>A version's text may be 100 KB and a campaign writes to every active partner, so the worker reads it once: a
 * version never changes (kept for good), and which version is current is cached for {@code currentTtl}.
 */
public final class TermsNotice {

    private final ProgramId programId;
    private final ProgramRepository programs;
    private final PartnerRepository partners;
    private final TermsBook book;
    private final CommsSettingsRepository settings;
    private final Deliver deliver;
    private final String termsUrl;
    private final ZoneId zone;
    private final TtlCache<String, String> current;
    private final Map<String, Terms> versions = new ConcurrentHashMap<>();

    /** @param baseUrl the API's public address: the letter points at {@code {baseUrl}/portal/terms} */
    public TermsNotice(ProgramId programId, ProgramRepository programs, PartnerRepository partners, TermsBook book,
                       CommsSettingsRepository settings, Deliver deliver, String baseUrl, ZoneId zone, Clock clock,
                       Duration currentTtl) {
        this.programId = programId;
        this.programs = programs;
        this.partners = partners;
        this.book = book;
        this.settings = settings;
        this.deliver = deliver;
        this.termsUrl = (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl)
                + "/portal/terms";
        this.zone = zone;
        this.current = new TtlCache<>(clock, currentTtl, 1);
    }

    private Terms version(String version) {
        Terms known = versions.get(version);
        if (known == null) {
            known = book.find(version).orElse(null);
            if (known != null) {
                versions.put(version, known);
            }
        }
        return known;
    }

    public Mailed toPartner(Campaign campaign, PartnerId partnerId) {
        String currentVersion = current.get("current", key -> book.current().map(Terms::version).orElse(null));
        Terms terms = campaign.id().equals(currentVersion) ? version(campaign.id()) : null;
        if (terms == null) {
            return new Mailed.NotWritten(Mailed.Why.NOT_SENDING);
        }
        Partner partner = partners.find(partnerId).orElse(null);
        if (partner == null) {
            return new Mailed.NotWritten(Mailed.Why.PARTNER_GONE);
        }
        if (!partner.isActive()) {
            return new Mailed.NotWritten(Mailed.Why.PARTNER_INACTIVE);
        }
        Program program = programs.find(programId)
                .orElseThrow(() -> new IllegalStateException("the program is not configured"));
        String programName = settings.find().programNameOr(programId.value());
        return new Mailed.Delivered(deliver.deliver(new Deliver.Delivery(campaign.sendKey(partnerId), partnerId,
                "terms-updated", partner.email(), null, false, () -> new TermsUpdatedLetter(partner.email(),
                program.payouts().locale(), programName, partner.name(), terms.version(),
                terms.publishedAt().atZone(zone).toLocalDate(), terms.text(), termsUrl))));
    }
}

package dev.refer.portal.partner;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.page.Page;
import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.consent.Preferences;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutId;
import dev.refer.core.portal.Dashboard;
import dev.refer.core.portal.PartnerMoney;
import dev.refer.core.portal.ShareKit;
import dev.refer.lambda.LambdaJson;
import dev.refer.web.PortalSession;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * SnapStart: before the snapshot, every page body of the partner's routes rendered once with made-up values, their
 * JSON written and a QR code encoded as PNG and SVG (ZXing, ImageIO), so the first signed-in request after a restore
 * loads no template class, no image codec and no JSON serializer. Reads and writes nothing.
 */
public final class PagesPriming {

    private PagesPriming() {
    }

    public static void warmUp() {
        PartnerId partnerId = new PartnerId("00000000000000000000000000");
        PortalSession session = new PortalSession(partnerId, "priming", "priming");
        Instant at = Instant.parse("2026-01-01T00:00:00Z");
        Currency eur = Currency.getInstance("EUR");
        ShortLinks shortLinks = new ShortLinks("https://snapstart.invalid");
        Link link = new Link(new LinkCode("snapstart-priming"), partnerId, URI.create("https://snapstart.invalid/"),
                "priming", true, true, at);
        Dashboard.Funnel funnel = new Dashboard.Funnel(1, 1, 1, 1, List.of(Money.zero(eur)), List.of(Money.zero(eur)));
        Dashboard.View view = new Dashboard.View(YearMonth.of(2026, 1), funnel, funnel,
                List.of(new Dashboard.LinkRow(link, 1, 1)), List.of(new Dashboard.CampaignRow("priming", 1, 1, 1)),
                new Dashboard.NextPayout(LocalDate.of(2026, 2, 1), at, 30, List.of(new Dashboard.Balance(
                        Money.zero(eur), Money.zero(eur), Money.zero(eur), Money.of(1, "EUR")))));
        Web.page(200, "Dashboard", session, "dashboard.jte", Map.of("view", view, "shortLinks", shortLinks));
        LambdaJson.write(PortalJson.dashboard(view, shortLinks));

        String url = shortLinks.url(link.code());
        LinkRoutes.LinkItem item = new LinkRoutes.LinkItem(link, url, 1, 1, ShareKit.texts(CommsSettings.DEFAULTS,
                url));
        Web.page(200, "Links", session, "links.jte", Map.of("page", new Page<>(List.of(item), null),
                "values", Map.of(), "errors", Map.of("destination", "priming"), "limit", 1));
        LambdaJson.write(PortalJson.page(new Page<>(List.of(item), null), PortalJson::link));
        QrCodes.png(url);
        QrCodes.svg(url);

        Web.page(200, "Referrals", session, "referrals.jte", Map.of("leads", new Page<>(List.of(), null),
                "sales", new Page<>(List.of(), null), "subIds", List.of(
                        new dev.refer.core.stats.StatsRepository.SubIdRow("priming", "sub1", "priming", 1, 0, 0)),
                "month", YearMonth.of(2026, 1)));
        Payout payout = Payout.open(PayoutId.of(YearMonth.of(2026, 1), eur, partnerId), at, at);
        Web.page(200, "Money", session, "money.jte", Map.of("commissions", new Page<PartnerMoney.Line>(List.of(), null),
                "payouts", new Page<>(List.of(payout), null)));
        Web.page(200, "Statement", session, "statement.jte",
                Map.of("statement", new PartnerMoney.Statement(payout, List.of())));
        LambdaJson.write(PortalJson.payout(payout));
        Preferences preferences = Preferences.defaults(partnerId);
        Web.page(200, "Email preferences", session, "preferences.jte", Map.of("preferences", preferences,
                "errors", Map.of(), "saved", false));
        LambdaJson.write(PortalJson.preferences(preferences));
        Partner partner = new Partner(partnerId, "Priming", new EmailAddress("priming@snapstart.invalid"), null,
                PartnerStatus.ACTIVE, null, at);
        Web.page(200, "Profile", session, "profile.jte", Map.of("partner", partner, "values", Map.of(),
                "errors", Map.of(), "saved", false, "acceptances", List.of()));
        LambdaJson.write(PortalJson.profile(partner, List.of()));
        LinkRoutes.notFoundPage(session);
    }
}

package dev.refer.portal.partner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.link.LinkRepository;
import dev.refer.core.portal.DashboardCounters;
import dev.refer.core.portal.PartnerLinks;
import dev.refer.core.portal.ShareKit;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Parameters;
import dev.refer.lambda.Problem;
import dev.refer.lambda.Problems;
import dev.refer.portal.PartnerRoutes;
import dev.refer.web.PortalSession;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partner's links and share kit: the list with clicks, a new link for a channel or campaign, disabling one, its
 * QR code (PNG, SVG) and ready-made texts. A code that is not the partner's own is a 404, like one that does not exist.
 */
public final class LinkRoutes implements PartnerRoutes {

    /** A link as the partner's list shows it: its short URL, clicks, and the texts to share it with. */
    public record LinkItem(Link link, String url, long clicksThisMonth, long clicksAllTime, ShareKit.Texts share) {
    }

    private final PartnerLinks partnerLinks;
    private final LinkRepository links;
    private final DashboardCounters counters;
    private final CommsSettingsRepository comms;
    private final ShortLinks shortLinks;
    private final Clock clock;
    private final ZoneId zone;

    public LinkRoutes(PartnerLinks partnerLinks, LinkRepository links, DashboardCounters counters,
                      CommsSettingsRepository comms, ShortLinks shortLinks, Clock clock, ZoneId zone) {
        this.partnerLinks = partnerLinks;
        this.links = links;
        this.counters = counters;
        this.comms = comms;
        this.shortLinks = shortLinks;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request, PortalSession session) {
        return Optional.ofNullable(switch (request.routeKey()) {
            case "GET /portal/links" -> page(request, session, Map.of(), Map.of(), 200);
            case "POST /portal/links" -> createFromForm(request, session);
            case "POST /portal/links/{code}/disable" -> disableFromForm(request, session);
            case "GET /portal/links/{code}/qr.png" -> qrPng(request, session);
            case "GET /portal/links/{code}/qr.svg" -> qrSvg(request, session);
            case "GET /portal/api/links" -> HttpResponse.json(200, PortalJson.page(items(request, session),
                    PortalJson::link));
            case "POST /portal/api/links" -> createFromJson(request, session);
            case "POST /portal/api/links/{code}/disable" -> disableFromJson(request, session);
            default -> null;
        });
    }

    private Page<LinkItem> items(HttpRequest request, PortalSession session) {
        Page<Link> page = links.linksOf(session.partnerId(), Parameters.page(request));
        DashboardCounters.Snapshot clicks = counters.read(session.partnerId(),
                YearMonth.from(clock.instant().atZone(zone)));
        CommsSettings settings = comms.find();
        ShortLinks urls = shortLinks.resolve(request);
        return new Page<>(page.items().stream().map(link -> item(urls, link, clicks, settings)).toList(),
                page.nextCursor());
    }

    private static LinkItem item(ShortLinks urls, Link link, DashboardCounters.Snapshot clicks,
                                 CommsSettings settings) {
        String url = urls.url(link.code());
        return new LinkItem(link, url, clicks.linkClicksMonth().getOrDefault(link.code().value(), 0L),
                clicks.linkClicks().getOrDefault(link.code().value(), 0L), ShareKit.texts(settings, url));
    }

    private APIGatewayV2HTTPResponse page(HttpRequest request, PortalSession session, Map<String, String> values,
                                          Map<String, String> errors, int status) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("page", items(request, session));
        params.put("values", values);
        params.put("errors", errors);
        params.put("limit", partnerLinks.limit());
        return Web.page(status, "Links", session, "links.jte", params);
    }

    private APIGatewayV2HTTPResponse createFromForm(HttpRequest request, PortalSession session) {
        Map<String, String> form = Web.form(request);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("destination", form.getOrDefault("destination", ""));
        values.put("campaign", form.getOrDefault("campaign", ""));
        PartnerLinks.Created created;
        try {
            created = partnerLinks.create(session.partnerId(), form.get("destination"), form.get("campaign"));
        } catch (Invalid invalid) {
            return page(request, session, values, Web.errors(invalid), 400);
        }
        return switch (created) {
            case PartnerLinks.Created.Done done -> Web.seeOther("/portal/links#link-" + done.link().code().value());
            case PartnerLinks.Created.LimitReached reached -> page(request, session, values,
                    Map.of("destination", limitMessage(reached.limit())), 409);
            case PartnerLinks.Created.ProgramNotConfigured ignored -> page(request, session, values,
                    Map.of("destination", "links cannot be created until the program is set up"), 503);
            case PartnerLinks.Created.PartnerNotFound ignored -> notFoundPage(session);
        };
    }

    private APIGatewayV2HTTPResponse createFromJson(HttpRequest request, PortalSession session) {
        var body = request.jsonBody(PortalBodies.NewLinkBody.class, Web.MAX_BODY_BYTES);
        return switch (partnerLinks.create(session.partnerId(), body.destination(), body.campaign())) {
            case PartnerLinks.Created.Done done -> {
                CommsSettings settings = comms.find();
                yield HttpResponse.json(201, PortalJson.link(item(shortLinks.resolve(request), done.link(),
                        DashboardCounters.Snapshot.empty(), settings)));
            }
            case PartnerLinks.Created.LimitReached reached -> HttpResponse.problem(new Problem(409,
                    Problem.TYPE_BASE + "link-limit", "Link limit reached", limitMessage(reached.limit()),
                    List.of(new Problem.FieldError("destination", limitMessage(reached.limit())))));
            case PartnerLinks.Created.ProgramNotConfigured ignored -> HttpResponse.problem(
                    Problems.programNotConfigured());
            case PartnerLinks.Created.PartnerNotFound ignored -> HttpResponse.problem(Problems.notFound("This link"));
        };
    }

    private static String limitMessage(int limit) {
        return "you have " + limit + " links, the most a partner may have: disable or reuse one of them, "
                + "or ask the program manager";
    }

    private APIGatewayV2HTTPResponse disableFromForm(HttpRequest request, PortalSession session) {
        Web.form(request);
        return code(request).flatMap(code -> partnerLinks.disable(session.partnerId(), code))
                .map(link -> Web.seeOther("/portal/links#link-" + link.code().value()))
                .orElseGet(() -> notFoundPage(session));
    }

    private APIGatewayV2HTTPResponse disableFromJson(HttpRequest request, PortalSession session) {
        return code(request).flatMap(code -> partnerLinks.disable(session.partnerId(), code))
                .map(link -> HttpResponse.json(200, PortalJson.link(item(shortLinks.resolve(request), link,
                        DashboardCounters.Snapshot.empty(), comms.find()))))
                .orElseGet(() -> HttpResponse.problem(Problems.notFound("This link")));
    }

    private APIGatewayV2HTTPResponse qrPng(HttpRequest request, PortalSession session) {
        return own(request, session).map(link -> APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(200)
                        .withHeaders(Map.of("content-type", "image/png", "cache-control", "private, max-age=3600",
                                "content-disposition", "inline; filename=\"" + link.code().value() + ".png\""))
                        .withBody(Base64.getEncoder().encodeToString(QrCodes.png(
                                shortLinks.resolve(request).url(link.code()))))
                        .withIsBase64Encoded(true)
                        .build())
                .orElseGet(() -> notFoundPage(session));
    }

    private APIGatewayV2HTTPResponse qrSvg(HttpRequest request, PortalSession session) {
        return own(request, session).map(link -> HttpResponse.withHeaders(HttpResponse.text(200,
                        "image/svg+xml; charset=utf-8", QrCodes.svg(shortLinks.resolve(request).url(link.code()))),
                        Map.of("cache-control", "private, max-age=3600",
                                "content-disposition", "inline; filename=\"" + link.code().value() + ".svg\"")))
                .orElseGet(() -> notFoundPage(session));
    }

    private Optional<Link> own(HttpRequest request, PortalSession session) {
        return code(request).flatMap(code -> partnerLinks.own(session.partnerId(), code));
    }

    /** A malformed code names no link: the same 404 as a code of someone else. */
    private static Optional<LinkCode> code(HttpRequest request) {
        try {
            return request.pathParameter("code").map(LinkCode::new);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static APIGatewayV2HTTPResponse notFoundPage(PortalSession session) {
        return Web.page(404, "Not found", session, "not-found.jte", Map.of());
    }
}

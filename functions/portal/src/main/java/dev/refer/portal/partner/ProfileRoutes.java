package dev.refer.portal.partner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.core.portal.EditProfile;
import dev.refer.core.terms.TermsBook;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problems;
import dev.refer.portal.PartnerRoutes;
import dev.refer.web.PortalSession;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The partner's profile: name and company (editable), the email they sign in with (shown), and the versions of the
 * program's terms they accepted, newest first.
 */
public final class ProfileRoutes implements PartnerRoutes {

    /** The acceptances a profile lists: one a published version, so a page is years of terms. */
    private static final PageRequest ACCEPTANCES = PageRequest.first(PageRequest.MAX_LIMIT);

    private final PartnerRepository partners;
    private final EditProfile editProfile;
    private final TermsBook terms;

    public ProfileRoutes(PartnerRepository partners, EditProfile editProfile, TermsBook terms) {
        this.partners = partners;
        this.editProfile = editProfile;
        this.terms = terms;
    }

    @Override
    public Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request, PortalSession session) {
        return Optional.ofNullable(switch (request.routeKey()) {
            case "GET /portal/profile" -> partners.find(session.partnerId())
                    .map(p -> page(session, p, values(p), Map.of(), request.query("saved").isPresent(), 200))
                    .orElseGet(() -> LinkRoutes.notFoundPage(session));
            case "POST /portal/profile" -> fromForm(request, session);
            case "GET /portal/api/profile" -> partners.find(session.partnerId())
                    .map(p -> HttpResponse.json(200, PortalJson.profile(p,
                            terms.acceptances(p.id(), ACCEPTANCES).items())))
                    .orElseGet(() -> HttpResponse.problem(Problems.notFound("This partner")));
            default -> null;
        });
    }

    private APIGatewayV2HTTPResponse fromForm(HttpRequest request, PortalSession session) {
        Map<String, String> form = Web.form(request);
        Partner current = partners.find(session.partnerId()).orElse(null);
        if (current == null) {
            return LinkRoutes.notFoundPage(session);
        }
        EditProfile.Command command;
        try {
            command = new EditProfile.Command(session.partnerId(), form.get("name"), form.get("company"));
        } catch (Invalid invalid) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("name", form.getOrDefault("name", ""));
            values.put("company", form.getOrDefault("company", ""));
            return page(session, current, values, Web.errors(invalid), false, 400);
        }
        return editProfile.edit(command).map(p -> Web.seeOther("/portal/profile?saved=1"))
                .orElseGet(() -> LinkRoutes.notFoundPage(session));
    }

    private static Map<String, String> values(Partner partner) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", partner.name());
        values.put("company", partner.company() == null ? "" : partner.company());
        return values;
    }

    private APIGatewayV2HTTPResponse page(PortalSession session, Partner partner, Map<String, String> values,
                                          Map<String, String> errors, boolean saved, int status) {
        return Web.page(status, "Profile", session, "profile.jte", Map.of("partner", partner, "values", values,
                "errors", errors, "saved", saved, "acceptances", terms.acceptances(partner.id(), ACCEPTANCES).items()));
    }
}

package dev.refer.portal.partner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.comms.Topic;
import dev.refer.core.comms.consent.Preferences;
import dev.refer.core.portal.PartnerPreferences;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.portal.PartnerRoutes;
import dev.refer.web.PortalSession;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The partner's email preferences: a choice per topic and the shout-out consent. The form sends every topic (a
 * missing one keeps its choice) and the consent as a checkbox (absent: no); the API's PUT changes what it names.
 */
public final class PreferenceRoutes implements PartnerRoutes {

    private final PartnerPreferences preferences;

    public PreferenceRoutes(PartnerPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request, PortalSession session) {
        return Optional.ofNullable(switch (request.routeKey()) {
            case "GET /portal/preferences" -> page(session, preferences.current(session.partnerId()), Map.of(),
                    request.query("saved").isPresent(), 200);
            case "POST /portal/preferences" -> fromForm(request, session);
            case "GET /portal/api/preferences" -> HttpResponse.json(200,
                    PortalJson.preferences(preferences.current(session.partnerId())));
            case "PUT /portal/api/preferences" -> {
                var body = request.jsonBody(PortalBodies.PreferencesBody.class, Web.MAX_BODY_BYTES);
                yield HttpResponse.json(200, PortalJson.preferences(preferences.change(session.partnerId(),
                        body.topics(), body.shoutOut())));
            }
            default -> null;
        });
    }

    private APIGatewayV2HTTPResponse fromForm(HttpRequest request, PortalSession session) {
        Map<String, String> form = Web.form(request);
        Map<String, String> topics = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            String choice = form.get("topic." + topic.wireName());
            if (choice != null) {
                topics.put(topic.wireName(), choice);
            }
        }
        try {
            preferences.change(session.partnerId(), topics, form.containsKey("shoutOut"));
        } catch (Invalid invalid) {
            return page(session, preferences.current(session.partnerId()), Web.errors(invalid), false, 400);
        }
        return Web.seeOther("/portal/preferences?saved=1");
    }

    private static APIGatewayV2HTTPResponse page(PortalSession session, Preferences current,
                                                 Map<String, String> errors, boolean saved, int status) {
        return Web.page(status, "Email preferences", session, "preferences.jte",
                Map.of("preferences", current, "errors", errors, "saved", saved));
    }
}

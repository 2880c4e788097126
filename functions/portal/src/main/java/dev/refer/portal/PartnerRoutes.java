package dev.refer.portal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpRequest;
import dev.refer.web.PortalSession;

import java.util.Optional;

/**
 * Routes of the signed-in partner: pages under {@code /portal/...} and their JSON twins under {@code /portal/api/...}.
 * The handler calls them only after the session was checked (live, not signed out, the partner active, the current
 * terms accepted) and, for a state-changing method, the CSRF token matched. Every read and write is scoped to
 * {@code session.partnerId()}: an id in the path that is not the partner's own is answered 404, never someone else's
 * data. Each family answers the requests whose route key it owns and leaves the others (empty).
 */
public interface PartnerRoutes {

    Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request, PortalSession session);
}

package dev.refer.portal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpFunction;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partner portal (skeleton: the sign-in work replaces the session check below). Public routes first, then the
 * signed-in partner's routes.
 */
public final class PortalHandler extends HttpFunction {

    private final List<PublicRoutes> publicRoutes;
    private final List<PartnerRoutes> partnerRoutes;

    public PortalHandler() {
        this(System.getenv());
    }

    public PortalHandler(Map<String, String> env) {
        this(PortalWiring.create(env));
    }

    PortalHandler(PortalWiring wiring) {
        this.publicRoutes = wiring.publicRoutes();
        this.partnerRoutes = wiring.partnerRoutes();
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        for (PublicRoutes routes : publicRoutes) {
            Optional<APIGatewayV2HTTPResponse> response = routes.handle(request);
            if (response.isPresent()) {
                return response.get();
            }
        }
        return HttpResponse.problem(Problem.of(404, "not-found", "Not found", "No such page."));
    }
}

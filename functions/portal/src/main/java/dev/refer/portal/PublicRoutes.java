package dev.refer.portal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.HttpRequest;

import java.util.Optional;

/**
 * Routes anyone may call, signed in or not: the application page and route, the sign-in request and the sign-in
 * link's confirmation. Each family answers the requests whose route key it owns and leaves the others (empty).
 */
public interface PublicRoutes {

    Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request);
}

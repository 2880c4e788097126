package dev.refer.redirect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.lambda.LambdaJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * ./bench's probe of the libraries on the redirect: the real redirect (its wiring, lookup and click write) with its
 * event read as {@link APIGatewayV2HTTPEvent} and its answer written as {@link APIGatewayV2HTTPResponse} through the
 * other functions' Jackson configuration, instead of the redirect's own reader and writer. Its cold start beside the
 * redirect's is what the libraries would cost the hot path.
 */
public final class RedirectOnJackson implements RequestStreamHandler {

    private final RedirectHandler redirect = new RedirectHandler();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        APIGatewayV2HTTPEvent event = LambdaJson.readHttpEvent(input);
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        String userAgent = headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase("user-agent"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        RedirectEvent ours = new RedirectEvent(event.getPathParameters() == null ? ""
                : event.getPathParameters().getOrDefault("code", ""), userAgent,
                dev.refer.core.link.VisitQuery.parse(event.getRawQueryString()),
                event.getRequestContext() == null ? "" : event.getRequestContext().getRequestId());
        RedirectResponse answer = redirect.respond(ours);
        LambdaJson.writeHttpResponse(APIGatewayV2HTTPResponse.builder().withStatusCode(answer.status())
                .withHeaders(answer.headers()).withBody(answer.body()).withIsBase64Encoded(false).build(), output);
    }
}

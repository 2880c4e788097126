package dev.refer.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.core.validation.Invalid;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The shape every HTTP function shares: read the payload 2.0 event, let the subclass translate it into one use
 * case call, write the response. A rule the caller broke ({@link Invalid}, thrown while building a command) becomes a
 * 400 problem naming each field; a failure nobody anticipated becomes a 500 problem with the request id, logged once.
 */
public abstract class HttpFunction implements RequestStreamHandler {

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        HttpRequest request = ApiGatewayV2Codec.read(input);
        ApiGatewayV2Codec.write(respond(request), output);
    }

    /** The whole request cycle without the stream plumbing; tests and priming call it directly. */
    public final HttpResponse respond(HttpRequest request) {
        try {
            return handle(request);
        } catch (ProblemException e) {
            return HttpResponse.problem(e.problem());
        } catch (Invalid e) {
            return HttpResponse.problem(Problem.validation(e.violations().stream()
                    .map(v -> new Problem.FieldError(v.field(), v.rule())).toList()));
        } catch (Json.MalformedJsonException | FormBody.MalformedFormException e) {
            return HttpResponse.problem(Problem.of(400, "malformed-body", "The body cannot be read", e.getMessage()));
        } catch (RuntimeException e) {
            Log.error("request.failed", e, "requestId", request.requestId(), "route", request.routeKey());
            return HttpResponse.problem(Problem.of(500, "internal", "Internal error",
                    "The request could not be completed; retry later. Request id: " + request.requestId()));
        }
    }

    protected abstract HttpResponse handle(HttpRequest request);
}

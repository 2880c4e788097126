package dev.refer.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.validation.Invalid;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The shape every HTTP function shares: Lambda's stream handler reads the {@link APIGatewayV2HTTPEvent} with the
 * functions' one Jackson configuration ({@link LambdaJson}), the subclass translates it into one use case call, and
 * the {@link APIGatewayV2HTTPResponse} is written back. A rule the caller broke ({@link Invalid}, thrown while
 * building a command, or a {@link ProblemException}) becomes its 4xx problem; a failure nobody anticipated becomes a
 * 500 problem with the request id, logged once.
 */
public abstract class HttpFunction implements RequestStreamHandler {

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        LambdaJson.writeHttpResponse(respond(LambdaJson.readHttpEvent(input)), output);
    }

    /** The whole request cycle without the stream plumbing; tests and priming call it directly. */
    public final APIGatewayV2HTTPResponse respond(APIGatewayV2HTTPEvent event) {
        return finish(answer(event));
    }

    private APIGatewayV2HTTPResponse answer(APIGatewayV2HTTPEvent event) {
        HttpRequest request;
        try {
            request = HttpRequest.of(event);
        } catch (ProblemException e) {
            return HttpResponse.problem(e.problem());
        }
        try {
            return handle(request);
        } catch (ProblemException e) {
            return HttpResponse.problem(e.problem());
        } catch (Invalid e) {
            return HttpResponse.problem(Problem.validation(e.violations().stream()
                    .map(v -> new Problem.FieldError(v.field(), v.rule())).toList()));
        } catch (FormBody.MalformedFormException e) {
            return HttpResponse.problem(LambdaJson.malformed(e.getMessage()));
        } catch (RuntimeException e) {
            Log.error("request.failed", e, "requestId", request.requestId(), "route", request.routeKey());
            return HttpResponse.problem(Problem.of(500, "internal", "Internal error",
                    "The request could not be completed; retry later. Request id: " + request.requestId()));
        }
    }

    /**
     * Every answer passes here last, the problems of refused requests included: a function whose answers all carry
     * some headers (the portal's security headers) adds them here. Unchanged by default.
     */
    protected APIGatewayV2HTTPResponse finish(APIGatewayV2HTTPResponse response) {
        return response;
    }

    protected abstract APIGatewayV2HTTPResponse handle(HttpRequest request);
}

package dev.refer.comms;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.comms.consent.Unsubscribe;
import dev.refer.lambda.HttpFunction;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;
import dev.refer.lambda.SnapStartPriming;

import java.util.Map;

/**
 * One-click unsubscribe (template: UnsubscribeFunction, {@code GET} and {@code POST /unsubscribe?t={token}}). The
 * link in every non-transactional email (and its {@code List-Unsubscribe} header) is signed for one partner and
 * topic. {@code POST} (the mail client's one-click request, RFC 8058, or the confirmation page's button) turns the
 * topic off and is idempotent; {@code GET} only shows the confirmation page, so link scanners unsubscribe no one. A
 * token this program did not sign is a 400 and changes nothing.
 */
public final class UnsubscribeHandler extends HttpFunction {

    private final Unsubscribe unsubscribe;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final SnapStartPriming priming;

    public UnsubscribeHandler() {
        this(System.getenv());
    }

    public UnsubscribeHandler(Map<String, String> env) {
        this(UnsubscribeWiring.create(env));
    }

    UnsubscribeHandler(UnsubscribeWiring wiring) {
        this.unsubscribe = wiring.unsubscribe();
        this.priming = wiring.registerPriming(this);
    }

    @Override
    protected APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String token = request.query("t").orElse(null);
        Unsubscribe.Result result = request.method().equals("POST") ? unsubscribe.unsubscribe(token)
                : unsubscribe.check(token);
        return switch (result) {
            case Unsubscribe.Result.BadLink bad -> HttpResponse.problem(Problem.of(400, "bad-unsubscribe-link",
                    "Not an unsubscribe link",
                    "The link is incomplete or was not made by this program. Copy the whole link from the email."));
            case Unsubscribe.Result.Unsubscribed done -> HttpResponse.html(200, page("You are unsubscribed",
                    "You will get no more " + done.target().topic().wireName()
                            + " emails. Payout statements still reach you.", null));
            case Unsubscribe.Result.Confirm confirm -> HttpResponse.html(200, page("Unsubscribe from "
                    + confirm.target().topic().wireName() + " emails?", "Press the button to stop "
                    + confirm.target().topic().wireName() + " emails. Payout statements still reach you.", token));
        };
    }

    /** A tiny page; nothing the visitor sent is echoed but the checked token (URL-safe characters only). */
    private static String page(String title, String text, String token) {
        String form = token == null ? "" : "<form method=\"post\" action=\"?t=" + token + "\">"
                + "<button type=\"submit\">Unsubscribe</button></form>";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta name=\"viewport\" content=\"width=device-width\"></head>"
                + "<body style=\"font-family: sans-serif; max-width: 480px; margin: 2em auto;\"><h1>" + title
                + "</h1><p>" + text + "</p>" + form + "</body></html>";
    }
}

package dev.refer.redirect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.refer.core.link.FollowLink;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * {@code GET /{code}}: the partner's short link. 302 to the destination with {@code ref} and {@code rid}, or a small
 * 404 page. Never cached by browsers or proxies: every visit must reach us to be counted. No log line per redirect:
 * the click item is the record, and a log line per click would cost more than the click itself. A click that cannot
 * be written still redirects (without {@code rid}) and counts one {@code ClickWriteFailures} metric; a link that
 * cannot be read answers a 503 page that retries, and counts one {@code LinkLookupFailures}.
 */
public final class RedirectHandler implements RequestStreamHandler {

    static final String NOT_FOUND_PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Link not found</title>
            <meta name="viewport" content="width=device-width,initial-scale=1"></head>
            <body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
            <h1>This link does not exist</h1><p>It may have been mistyped, or it is no longer active.</p></body></html>
            """;

    static final String UNAVAILABLE_PAGE = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Try again</title>
            <meta name="viewport" content="width=device-width,initial-scale=1"><meta http-equiv="refresh" content="3"></head>
            <body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem">
            <h1>One moment</h1><p>This link could not be opened right now. Trying again in a few seconds.</p></body></html>
            """;

    private final FollowLink followLink;
    /** Held so CRaC (which keeps resources weakly) runs the SnapStart hooks. */
    final RedirectPriming priming;

    public RedirectHandler() {
        this(System.getenv());
    }

    public RedirectHandler(Map<String, String> env) {
        this(RedirectWiring.create(env));
    }

    RedirectHandler(RedirectWiring wiring) {
        this.followLink = wiring.followLink();
        this.priming = wiring.registerPriming(this);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        respond(RedirectEvent.read(input.readAllBytes())).write(output);
    }

    RedirectResponse respond(RedirectEvent event) {
        FollowLink.Result result;
        try {
            result = followLink.follow(new FollowLink.Command(event.code(), event.userAgent(), event.query()));
        } catch (RuntimeException e) {
            // the link could not be read: nowhere to send the visitor, but never a bare error
            Metrics.failure("LinkLookupFailures", event.requestId(), e);
            return RedirectResponse.unavailable(UNAVAILABLE_PAGE);
        }
        return switch (result) {
            case FollowLink.Result.Redirect redirect -> {
                if (redirect.clickWriteFailure() != null) {
                    Metrics.failure("ClickWriteFailures", event.requestId(), redirect.clickWriteFailure());
                }
                yield RedirectResponse.found(redirect.location());
            }
            case FollowLink.Result.NotFound ignored -> RedirectResponse.notFound(NOT_FOUND_PAGE);
        };
    }
}

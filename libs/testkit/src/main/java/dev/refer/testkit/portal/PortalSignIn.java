package dev.refer.testkit.portal;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refer.testkit.events.ApiEvent;
import dev.refer.testkit.mail.SesOutbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a partner in to the portal for real, as a person does: asks for a sign-in link ({@code POST /portal/signin}),
 * reads the link's token from the SES outbox (moto), presses the link's button ({@code POST /portal/signin/confirm})
 * and reads the session's CSRF token ({@code GET /portal/api/session}). Through the portal's handler (function tests)
 * or through a running gateway (the local stack). What comes back is what a browser would send afterwards.
 */
public final class PortalSignIn {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("/portal/signin/confirm\\?token=([A-Za-z0-9_-]{43})");

    /**
     * A signed-in partner: {@code cookie} is the {@code name=value} of the session cookie (send it as the
     * {@code Cookie} header, or as {@link ApiEvent#cookies}); {@code csrfToken} goes in a form's {@code csrf} field or
     * the {@code X-CSRF-Token} header of state-changing requests.
     */
    public record SignedIn(String cookie, String csrfToken, String partnerId) {

        public String cookieHeader() {
            return cookie;
        }
    }

    private PortalSignIn() {
    }

    /** Through the portal function's handler (PortalHandler), with its mail in {@code outbox}. */
    public static SignedIn throughHandler(RequestStreamHandler portal, SesOutbox outbox, String email) {
        int before = outbox.to(email).size();
        ApiEvent.ApiResponse asked = ApiEvent.fixture("http-api-request.json")
                .route("POST /portal/signin", "/portal/signin", Map.of()).query("", Map.of()).cookies()
                .body("application/json", "{\"email\":\"" + email + "\"}").invoke(portal);
        check(asked.status() == 202, "POST /portal/signin answered " + asked.status() + ": " + asked.body());
        String token = tokenIn(newMail(outbox.to(email), before));
        ApiEvent.ApiResponse confirmed = ApiEvent.fixture("http-api-request.json")
                .route("POST /portal/signin/confirm", "/portal/signin/confirm", Map.of()).query("", Map.of())
                .cookies().body("application/json", "{\"token\":\"" + token + "\"}").invoke(portal);
        check(confirmed.status() == 200, "POST /portal/signin/confirm answered " + confirmed.status() + ": "
                + confirmed.body());
        String cookie = sessionCookie(confirmed.cookies());
        Map<String, Object> body = confirmed.jsonBody();
        return new SignedIn(cookie, (String) body.get("csrfToken"), (String) body.get("partnerId"));
    }

    /** Through a running gateway at {@code base} (the local stack), with its mail in {@code outbox}. */
    public static SignedIn throughGateway(URI base, SesOutbox outbox, String email) {
        return throughGateway(base, outbox::to, email);
    }

    /**
     * Through a running gateway at {@code base}; {@code mailsTo} answers the emails sent to an address so far, oldest
     * first (the local stack: {@code stack.outbox()::to}).
     */
    public static SignedIn throughGateway(URI base, Function<String, List<SesOutbox.Mail>> mailsTo, String email) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            int before = mailsTo.apply(email).size();
            HttpResponse<String> asked = http.send(HttpRequest.newBuilder(base.resolve("/portal/signin"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=" + URLEncoder.encode(email,
                            StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
            check(asked.statusCode() == 200, "POST /portal/signin answered " + asked.statusCode());
            String token = tokenIn(awaitMail(() -> newMail(mailsTo.apply(email), before)));
            HttpResponse<String> confirmed = http.send(HttpRequest.newBuilder(base.resolve("/portal/signin/confirm"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("token=" + token)).build(),
                    HttpResponse.BodyHandlers.ofString());
            check(confirmed.statusCode() == 303, "POST /portal/signin/confirm answered " + confirmed.statusCode()
                    + ": " + confirmed.body());
            String cookie = sessionCookie(confirmed.headers().allValues("set-cookie"));
            HttpResponse<String> session = http.send(HttpRequest.newBuilder(base.resolve("/portal/api/session"))
                    .header("cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
            check(session.statusCode() == 200, "GET /portal/api/session answered " + session.statusCode());
            Map<?, ?> body = JSON.readValue(session.body(), Map.class);
            return new SignedIn(cookie, (String) body.get("csrfToken"), (String) body.get("partnerId"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sign-in token in a sign-in email's text. */
    public static String tokenIn(SesOutbox.Mail mail) {
        Matcher matcher = TOKEN.matcher(mail.text());
        check(matcher.find(), "no sign-in link in the email: " + mail.text());
        return matcher.group(1);
    }

    private static SesOutbox.Mail newMail(List<SesOutbox.Mail> mails, int before) {
        return mails.size() > before ? mails.getLast() : null;
    }

    private static SesOutbox.Mail awaitMail(Supplier<SesOutbox.Mail> mail) throws InterruptedException {
        for (int attempt = 0; attempt < 50; attempt++) {
            SesOutbox.Mail found = mail.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no sign-in email arrived");
    }

    private static String sessionCookie(List<String> setCookies) {
        for (String setCookie : setCookies) {
            String pair = setCookie.split(";", 2)[0];
            if (pair.startsWith("refer_portal=") || pair.startsWith("__Host-refer_portal=")) {
                return pair;
            }
        }
        throw new IllegalStateException("no session cookie in " + setCookies);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}

package dev.refer.portal;

import java.time.Instant;
import dev.refer.core.signin.Session;
import dev.refer.core.partner.PartnerId;
import dev.refer.web.PortalSession;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.refer.lambda.HttpRequest;
import dev.refer.aws.AwsClients;
import dev.refer.core.basics.ids.UlidGenerator;
import dev.refer.core.basics.time.Clocks;
import dev.refer.core.mail.Mailer;
import dev.refer.core.signin.CheckSession;
import dev.refer.core.signin.ConfirmSignIn;
import dev.refer.core.signin.RequestSignIn;
import dev.refer.core.signin.Secrets;
import dev.refer.core.signin.SignInPolicy;
import dev.refer.core.signin.SignOut;
import dev.refer.core.terms.AcceptTerms;
import dev.refer.core.terms.TermsToAccept;
import dev.refer.dynamodb.DynamoDbClients;
import dev.refer.dynamodb.Priming;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.comms.DynamoDbSuppressionList;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.dynamodb.signin.DynamoDbRateLimits;
import dev.refer.dynamodb.signin.DynamoDbSessions;
import dev.refer.dynamodb.signin.DynamoDbSignInLinks;
import dev.refer.dynamodb.signin.DynamoDbSignInPartners;
import dev.refer.dynamodb.terms.DynamoDbTermsBook;
import dev.refer.lambda.Env;
import dev.refer.lambda.SnapStartPriming;
import dev.refer.mail.SesMailer;
import dev.refer.portal.deals.DealRoutes;
import dev.refer.portal.payoutdetails.PayoutDetailsRoutes;
import dev.refer.portal.partner.PagesPriming;
import dev.refer.portal.partner.PartnerPortal;
import dev.refer.portal.apply.ApplyWiring;
import dev.refer.portal.signin.SessionCookie;
import dev.refer.portal.signin.SessionGate;
import dev.refer.portal.signin.SessionKeys;
import dev.refer.portal.signin.SessionTokens;
import dev.refer.portal.signin.SignInRoutes;
import dev.refer.portal.signin.TermsRoutes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Builds the portal's object graph once per execution environment. Each route family is registered here: public
 * ones (anyone: applications, sign-in, assets) in {@code publicRoutes}, the signed-in partner's in
 * {@code partnerRoutes} (called only after the session, CSRF and terms checks); {@code terms} says whether a partner
 * accepted the current terms.
 *
 * @param keys the session cookie's signing keys (re-read after a SnapStart restore)
 * @param ids  new ids (deal registrations): a new random source after a SnapStart restore
 */
public record PortalWiring(List<PublicRoutes> publicRoutes, List<PartnerRoutes> partnerRoutes, SessionGate gate,
                           TermsGate terms, SessionKeys keys, UlidGenerator ids, SessionTokens tokens,
                           Clock clock) {

    /** The partner of the priming's requests: no partner has this id (the ULID of the epoch's first millisecond), so they find nothing. */
    static final PartnerId PRIMING_PARTNER = new PartnerId("00000000000000000000000000");

    /** The minimum time a sign-in request takes to answer, known address or not. */
    static final Duration SIGN_IN_ANSWER_FLOOR = Duration.ofMillis(400);

    static PortalWiring create(Map<String, String> env) {
        return create(env, DynamoDbClients.create(env), SesMailer.fromEnv(env),
                SessionKeys.fromSecretsManager(() -> AwsClients.build(SecretsManagerClient.builder(), env,
                        "AWS_ENDPOINT_URL_SECRETS_MANAGER", List.of()), Env.require(env, "PORTAL_SESSION_SECRET_ARN")),
                Clocks.of(env));
    }

    /** The production handler on given clients: the benchmarks compare it with raw calls on the same client. */
    public static PortalHandler handler(Map<String, String> env, DynamoDbClient dynamoDb, Mailer mailer,
                                        Supplier<SessionKeys.Loaded> keySource, Clock clock) {
        return new PortalHandler(create(env, dynamoDb, mailer, keySource, clock));
    }

    /** The production graph on given clients (tests: DynamoDB Local, moto's SES, a test clock). */
    static PortalWiring create(Map<String, String> env, DynamoDbClient dynamoDb, Mailer mailer,
                               Supplier<SessionKeys.Loaded> keySource, Clock clock) {
        TableConfig table = TableConfig.fromEnv(env);
        SignInPolicy policy = new SignInPolicy(
                Duration.ofMinutes(Env.intOr(env, "PORTAL_SESSION_IDLE_MINUTES", 120)),
                Duration.ofHours(Env.intOr(env, "PORTAL_SESSION_ABSOLUTE_HOURS", 168)),
                Env.intOr(env, "SIGNIN_LINKS_PER_ADDRESS_PER_HOUR", 5),
                Env.intOr(env, "SIGNIN_REQUESTS_PER_IP_PER_HOUR", 30));
        Secrets secrets = Secrets.create();
        DynamoDbPartnerRepository partners = new DynamoDbPartnerRepository(dynamoDb, table);
        DynamoDbSignInPartners signInPartners = new DynamoDbSignInPartners(dynamoDb, table, partners);
        DynamoDbSignInLinks links = new DynamoDbSignInLinks(dynamoDb, table);
        DynamoDbSessions sessions = new DynamoDbSessions(dynamoDb, table);
        SessionKeys keys = new SessionKeys(keySource, clock);
        SessionTokens tokens = new SessionTokens(keys, clock);
        SessionCookie cookie = new SessionCookie(!"false".equalsIgnoreCase(env.get("PORTAL_COOKIE_SECURE")));
        SessionGate gate = new SessionGate(cookie, tokens, new CheckSession(sessions, policy, clock));
        Duration floor = Duration.ofMillis(Env.intOr(env, "SIGNIN_ANSWER_FLOOR_MILLIS",
                (int) SIGN_IN_ANSWER_FLOOR.toMillis()));
        SignInRoutes signIn = new SignInRoutes(
                new RequestSignIn(signInPartners, links, new DynamoDbRateLimits(dynamoDb, table),
                        new DynamoDbSuppressionList(dynamoDb, table), mailer, policy, secrets, clock),
                new ConfirmSignIn(links, signInPartners, sessions, policy, secrets, clock),
                new SignOut(sessions), gate, tokens, cookie, env.get("PUBLIC_BASE_URL"), floor, clock);
        // one source of new ids (applications, deal registrations), reseeded after a SnapStart restore
        UlidGenerator ids = new UlidGenerator(clock);
        List<PublicRoutes> publicRoutes = new ArrayList<>();
        publicRoutes.add(signIn);
        publicRoutes.add(new AssetRoutes());
        publicRoutes.add(ApplyWiring.routes(env, dynamoDb, clock, ids));
        // the signed-in partner's route families: terms, dashboard, links, referrals, money, preferences, profile,
        // deals and payout details
        List<PartnerRoutes> partnerRoutes = new ArrayList<>();
        DynamoDbTermsBook termsBook = new DynamoDbTermsBook(dynamoDb, table);
        partnerRoutes.add(new TermsRoutes(termsBook, new AcceptTerms(termsBook, clock)));
        partnerRoutes.addAll(PartnerPortal.routes(dynamoDb, table, clock, env));
        TermsToAccept termsToAccept = new TermsToAccept(termsBook, clock, TermsToAccept.DEFAULT_TTL);
        TermsGate terms = session -> termsToAccept.pendingFor(session.partnerId()).isEmpty();
        partnerRoutes.add(DealRoutes.create(dynamoDb, table, partners, ids, clock));
        partnerRoutes.add(PayoutDetailsRoutes.create(env, dynamoDb, table, partners, mailer, clock));
        return new PortalWiring(List.copyOf(publicRoutes), List.copyOf(partnerRoutes), gate, terms, keys, ids, tokens,
                clock);
    }

    /**
     * SnapStart: before the snapshot, the partner's page bodies, JSON and QR codes ({@link PagesPriming}: no I/O), the
     * sign-in page, a signed-in page without a session cookie and one with a well-signed cookie of a session that does
     * not exist (the JWT checked, the session and partner read: the gate's refusal), the dashboard and the terms' gate
     * of a partner that does not exist (their reads, the page rendered), and a sign-in request whose first write
     * DynamoDB refuses ({@link Priming}): the answer is the limit's. Only reads reach the table; nothing is written and
     * no mail goes out. After restore, the session keys are read again (a rotation may have happened since the
     * snapshot) and ids get a new random source.
     */
    SnapStartPriming registerPriming(PortalHandler handler) {
        Map<String, String> form = Map.of("content-type", "application/x-www-form-urlencoded",
                "host", "snapstart.invalid");
        return SnapStartPriming.register(() -> {
            PagesPriming.warmUp();
            Instant now = clock.instant();
            String unknownSession = tokens.issue(new Session("snapstart-priming", PRIMING_PARTNER, "priming", now, now,
                    now.plus(Duration.ofMinutes(5))));
            APIGatewayV2HTTPEvent forgedCookie = SnapStartPriming.httpEvent("GET /portal", "/portal", Map.of(),
                    Map.of(), null);
            forgedCookie.setCookies(List.of(SessionCookie.SECURE_NAME + "=priming"));
            APIGatewayV2HTTPEvent unknownSessionCookie = SnapStartPriming.httpEvent("GET /portal", "/portal",
                    Map.of(), Map.of(), null);
            unknownSessionCookie.setCookies(List.of(SessionCookie.LOCAL_NAME + "=" + unknownSession,
                    SessionCookie.SECURE_NAME + "=" + unknownSession));
            SnapStartPriming.replay(handler,
                    SnapStartPriming.httpEvent("GET /portal/signin", "/portal/signin", Map.of(), Map.of(), null),
                    forgedCookie, unknownSessionCookie);
            PortalSession nobody = new PortalSession(PRIMING_PARTNER, "snapstart-priming", "priming");
            terms.accepted(nobody);
            for (String route : List.of("/portal", "/portal/api/dashboard")) {
                APIGatewayV2HTTPEvent event = SnapStartPriming.httpEvent("GET " + route, route, Map.of(), Map.of(), null);
                for (PartnerRoutes routes : partnerRoutes) {
                    if (routes.handle(HttpRequest.of(event), nobody).isPresent()) {
                        break;
                    }
                }
            }
            Priming.refused(() -> SnapStartPriming.replayRefusedWrite(handler,
                    SnapStartPriming.httpEvent("POST /portal/signin", "/portal/signin", Map.of(), form,
                            "email=priming%40snapstart.invalid")));
        }, () -> {
            keys.reload();
            ids.reseed();
        });
    }
}

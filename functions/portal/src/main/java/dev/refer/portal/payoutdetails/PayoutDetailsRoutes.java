package dev.refer.portal.payoutdetails;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.payoutdetails.ChangePayoutDetails;
import dev.refer.core.payoutdetails.PayoutDetails;
import dev.refer.core.payoutdetails.PayoutDetailsBook;
import dev.refer.aws.AwsClients;
import dev.refer.core.mail.Mailer;
import dev.refer.core.mail.SendOnce;
import dev.refer.core.partner.PartnerRepository;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.comms.DynamoDbMailLog;
import dev.refer.dynamodb.comms.DynamoDbSuppressionList;
import dev.refer.dynamodb.payoutdetails.DynamoDbPayoutDetails;
import dev.refer.dynamodb.program.DynamoDbProgramRepository;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;
import dev.refer.lambda.Problems;
import dev.refer.portal.PartnerRoutes;
import dev.refer.portal.PortalPages;
import dev.refer.portal.forms.PostedForm;
import dev.refer.sealing.JweSealer;
import dev.refer.sealing.SealingKeys;
import dev.refer.web.PortalSession;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.time.Clock;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partner's payout details: {@code GET|POST /portal/payout-details} (what is set, masked, and the form to change
 * it) and {@code GET|PUT /portal/api/payout-details}. Only the session's partner's details are read or written, and
 * they are never shown in full again: the page and the API answer the masked form.
 */
public final class PayoutDetailsRoutes implements PartnerRoutes {

    static final int MAX_BODY_BYTES = 4 * 1024;
    static final List<String> FIELDS = List.of("method", "holder", "iban", "bic", "paypalEmail");

    /** The JSON API's body: {@code method} {@code bank_transfer} (holder, iban, bic) or {@code paypal} (paypalEmail). */
    public record Body(String method, String holder, String iban, String bic, String paypalEmail) {
    }

    private final ChangePayoutDetails change;
    private final PayoutDetailsBook book;

    public PayoutDetailsRoutes(ChangePayoutDetails change, PayoutDetailsBook book) {
        this.change = change;
        this.book = book;
    }

    /**
     * The production family: details sealed with the keys of {@code PAYOUT_DETAILS_SECRET_ARN} (template:
     * PayoutDetailsSecret), read at the first use; every change told by email once ({@code SendOnce}, never to a
     * bounced address). Without the secret (a stack without the feature) the routes answer 503.
     */
    public static PartnerRoutes create(Map<String, String> env, DynamoDbClient dynamoDb, TableConfig table,
                                       PartnerRepository partners, Mailer mailer, Clock clock) {
        String secret = env.get("PAYOUT_DETAILS_SECRET_ARN");
        if (secret == null || secret.isBlank()) {
            return PayoutDetailsRoutes::notConfigured;
        }
        SealingKeys keys = SealingKeys.fromSecretsManager(AwsClients.build(SecretsManagerClient.builder(), env,
                "AWS_ENDPOINT_URL_SECRETS_MANAGER", List.of()), secret);
        DynamoDbPayoutDetails book = new DynamoDbPayoutDetails(dynamoDb, table, new JweSealer(keys));
        SendOnce mail = new SendOnce(new DynamoDbMailLog(dynamoDb, table), mailer, clock,
                new DynamoDbSuppressionList(dynamoDb, table)::bounced);
        return new PayoutDetailsRoutes(new ChangePayoutDetails(table.programId(),
                new DynamoDbProgramRepository(dynamoDb, table), partners, book, mail, clock), book);
    }

    private static Optional<APIGatewayV2HTTPResponse> notConfigured(HttpRequest request, PortalSession session) {
        return request.routeKey().contains("/payout-details") ? Optional.of(HttpResponse.problem(Problem.of(503,
                "not-configured", "Payout details are not configured",
                "This stack has no PAYOUT_DETAILS_SECRET_ARN."))) : Optional.empty();
    }

    @Override
    public Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request, PortalSession session) {
        return Optional.ofNullable(switch (request.routeKey()) {
            case "GET /portal/payout-details" -> render(200, session, Map.of("method", "bank_transfer"), Map.of(),
                    request.query("saved").isPresent() ? "Saved. We emailed you about the change." : null);
            case "POST /portal/payout-details" -> postForm(request, session);
            case "GET /portal/api/payout-details" -> HttpResponse.json(200, json(book.find(session.partnerId())));
            case "PUT /portal/api/payout-details" -> putJson(request, session);
            default -> null;
        });
    }

    private APIGatewayV2HTTPResponse postForm(HttpRequest request, PortalSession session) {
        Map<String, String> form = PostedForm.read(request, MAX_BODY_BYTES);
        Map<String, String> typed = PostedForm.echo(form, FIELDS, ChangePayoutDetails.MAX_FIELD);
        ChangePayoutDetails.Result result;
        try {
            result = change.change(new ChangePayoutDetails.Command(session.partnerId(), form.get("method"),
                    form.get("holder"), form.get("iban"), form.get("bic"), form.get("paypalEmail")));
        } catch (Invalid invalid) {
            return render(400, session, typed, PostedForm.errors(invalid), null);
        }
        return switch (result) {
            case ChangePayoutDetails.Result.Changed c -> HttpResponse.redirect(303, "/portal/payout-details?saved=1");
            case ChangePayoutDetails.Result.Unchanged u -> render(200, session, Map.of("method", "bank_transfer"),
                    Map.of(), "These are already your payout details: nothing changed.");
            case ChangePayoutDetails.Result.Busy b -> render(409, session, typed, Map.of(),
                    "Your payout details were changed at the same time elsewhere: check them below and try again.");
            case ChangePayoutDetails.Result.PartnerNotFound n -> PortalPages.message(404, "Payout details", session,
                    "No such partner.", "/portal", "Back");
        };
    }

    private APIGatewayV2HTTPResponse putJson(HttpRequest request, PortalSession session) {
        Body body = request.jsonBody(Body.class, MAX_BODY_BYTES);
        ChangePayoutDetails.Result result = change.change(new ChangePayoutDetails.Command(session.partnerId(),
                body.method(), body.holder(), body.iban(), body.bic(), body.paypalEmail()));
        return switch (result) {
            case ChangePayoutDetails.Result.Changed c -> HttpResponse.json(200, json(Optional.of(c.stored())));
            case ChangePayoutDetails.Result.Unchanged u -> HttpResponse.json(200, json(Optional.of(u.stored())));
            case ChangePayoutDetails.Result.Busy b -> HttpResponse.problem(Problem.of(409, "conflict",
                    "Changed meanwhile", "The payout details were changed at the same time; read them and retry."));
            case ChangePayoutDetails.Result.PartnerNotFound n -> HttpResponse.problem(
                    Problems.notFound("partner"));
        };
    }

    private APIGatewayV2HTTPResponse render(int status, PortalSession session, Map<String, String> values,
                                            Map<String, String> errors, String message) {
        Map<String, Object> params = new HashMap<>();
        params.put("current", book.find(session.partnerId()).map(CurrentView::of).orElse(null));
        params.put("values", values);
        params.put("errors", errors);
        params.put("message", message);
        params.put("csrf", session.csrfToken());
        return PortalPages.page(status, "Payout details", session, "payout-details.jte", params);
    }

    static Map<String, Object> json(Optional<PayoutDetailsBook.Stored> stored) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", stored.map(s -> s.details().method().wire()).orElse(null));
        out.put("masked", stored.map(s -> s.details().masked()).orElse(null));
        out.put("holder", stored.map(s -> s.details() instanceof PayoutDetails.BankTransfer bank ? bank.holder() : null).orElse(null));
        out.put("version", stored.map(PayoutDetailsBook.Stored::version).orElse(0L));
        out.put("updatedAt", stored.map(s -> s.updatedAt().toString()).orElse(null));
        return out;
    }

    /** What is set, as the page prints it. */
    public record CurrentView(String method, String masked, String holder, String updated) {
        static CurrentView of(PayoutDetailsBook.Stored stored) {
            return new CurrentView(stored.details().method().label(), stored.details().masked(),
                    stored.details() instanceof PayoutDetails.BankTransfer bank
                            ? bank.holder() : null, stored.updatedAt().toString().substring(0, 10));
        }
    }
}

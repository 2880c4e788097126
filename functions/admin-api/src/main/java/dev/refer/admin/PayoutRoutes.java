package dev.refer.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.review.ReviewCommission;
import dev.refer.core.mail.MailLog;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutBook;
import dev.refer.core.payout.PayoutId;
import dev.refer.core.payout.PayoutRuns;
import dev.refer.core.payout.PayoutStatus;
import dev.refer.core.payout.ReviewPayout;
import dev.refer.core.payout.StartPayoutRun;
import dev.refer.core.payoutdetails.PayoutDetails;
import dev.refer.core.payoutdetails.PayoutDetailsBook;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Parameters;
import dev.refer.lambda.Problem;
import dev.refer.lambda.Problems;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The payout and ledger-correction routes of the admin API. */
final class PayoutRoutes {

    /** Rows in one CSV response; a longer period continues with the cursor the response names. */
    static final int CSV_ROWS = 5_000;
    static final String[] CSV_COLUMNS = {"payoutId", "partnerId", "period", "currency", "amount", "amountMinor",
            "entries", "status", "reference", "createdAt", "payoutMethod", "accountHolder", "iban", "bic",
            "paypalEmail"};

    private final PayoutBook book;
    private final PayoutRuns runs;
    private final ReviewPayout reviewPayout;
    private final ReviewCommission reviewCommission;
    private final StartPayoutRun starter;
    private final MailLog mailLog;
    private final ZoneId zone;
    private final PayoutDetailsBook details;

    /** @param details the partners' payout details (opened for the CSV); null on a stack without them */
    PayoutRoutes(PayoutBook book, PayoutRuns runs, ReviewPayout reviewPayout, ReviewCommission reviewCommission,
                 StartPayoutRun starter, MailLog mailLog, ZoneId zone, PayoutDetailsBook details) {
        this.book = book;
        this.runs = runs;
        this.reviewPayout = reviewPayout;
        this.reviewCommission = reviewCommission;
        this.starter = starter;
        this.mailLog = mailLog;
        this.zone = zone;
        this.details = details;
    }

    APIGatewayV2HTTPResponse listPayouts(HttpRequest request) {
        YearMonth period = period(request.query("period").orElse(null));
        return HttpResponse.json(200, AdminJson.page(book.payoutsIn(period, AdminRoutes.page(request)),
                AdminJson::payout));
    }

    /**
     * The period's closed payouts (ready, paid, failed) as CSV (RFC 4180, with a header row), up to {@value #CSV_ROWS}
     * rows read a response. A payout still being built (OPEN) is left out: the manager pays from this file, so each
     * row carries the partner's payout method and full details (opened here, one BatchGetItem per page of payouts;
     * empty when the partner has set none). The file holds bank details: it is for the manager's eyes only.
     */
    APIGatewayV2HTTPResponse payoutsCsv(HttpRequest request) {
        YearMonth period = period(request.query("period").orElse(null));
        String cursor = request.query("cursor").orElse(null);
        StringWriter csv = new StringWriter();
        int rows = 0;
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setHeader(CSV_COLUMNS).get())) {
            do {
                Page<Payout> page = book.payoutsIn(period, new PageRequest(PageRequest.MAX_LIMIT, cursor));
                Map<PartnerId, PayoutDetails> paidTo = details == null ? Map.of() : details.findAll(
                        page.items().stream().filter(p -> p.status() != PayoutStatus.OPEN).map(Payout::partnerId)
                                .toList());
                for (Payout p : page.items()) {
                    if (p.status() == PayoutStatus.OPEN) {
                        continue; // still being built: its amount is not final and it may yet be withdrawn
                    }
                    int digits = Math.max(0, p.amount().currency().getDefaultFractionDigits());
                    printer.printRecord(dev.refer.lambda.CsvCells.safe(p.id().value(), p.partnerId().value(),
                            p.period().toString(),
                            p.amount().currency().getCurrencyCode(),
                            BigDecimal.valueOf(p.amount().minor(), digits).toPlainString(), p.amount().minor(),
                            p.entryCount(), p.status().name(), p.reference(), p.createdAt().toString(),
                            method(paidTo.get(p.partnerId())), holder(paidTo.get(p.partnerId())),
                            iban(paidTo.get(p.partnerId())), bic(paidTo.get(p.partnerId())),
                            paypal(paidTo.get(p.partnerId()))));
                    rows++;
                }
                cursor = page.nextCursor();
            } while (cursor != null && rows < CSV_ROWS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        APIGatewayV2HTTPResponse response = HttpResponse.text(200, "text/csv; charset=utf-8", csv.toString());
        response = HttpResponse.withHeader(response, "content-disposition",
                "attachment; filename=\"payouts-" + period + ".csv\"");
        return cursor == null ? response : HttpResponse.withHeader(response, "x-next-cursor", cursor);
    }

    private static String method(PayoutDetails d) {
        return d == null ? null : d.method().wire();
    }

    private static String holder(PayoutDetails d) {
        return d instanceof PayoutDetails.BankTransfer bank ? bank.holder() : null;
    }

    private static String iban(PayoutDetails d) {
        return d instanceof PayoutDetails.BankTransfer bank ? bank.iban().value() : null;
    }

    private static String bic(PayoutDetails d) {
        return d instanceof PayoutDetails.BankTransfer bank ? bank.bic().value() : null;
    }

    private static String paypal(PayoutDetails d) {
        return d instanceof PayoutDetails.PayPal paypal ? paypal.email().value() : null;
    }

    APIGatewayV2HTTPResponse getPayout(HttpRequest request) {
        PayoutId id = payoutId(request);
        return book.find(id).map(payout -> {
            Map<String, Object> json = AdminJson.payout(payout);
            json.put("statement", mailLog.find("statement#" + id.value()).map(entry -> {
                Map<String, Object> statement = new LinkedHashMap<>();
                // SENDING long after the run means the send's outcome was lost: it may not have gone out
                statement.put("state", entry.state().name());
                statement.put("messageId", entry.messageId());
                statement.put("to", entry.to());
                statement.put("sentAt", entry.sentAt() == null ? null : entry.sentAt().toString());
                return statement;
            }).orElse(null));
            return HttpResponse.json(200, json);
        }).orElseGet(() -> HttpResponse.problem(Problems.notFound("This payout")));
    }

    APIGatewayV2HTTPResponse markPaid(HttpRequest request) {
        PayoutId id = payoutId(request);
        var body = request.jsonBody(AdminBodies.PayoutPaidBody.class, AdminRoutes.MAX_BODY_BYTES);
        return answer(reviewPayout.markPaid(id, body.reference()));
    }

    APIGatewayV2HTTPResponse markFailed(HttpRequest request) {
        PayoutId id = payoutId(request);
        var body = request.jsonBody(AdminBodies.ReasonBody.class, AdminRoutes.MAX_BODY_BYTES);
        return answer(reviewPayout.markFailed(id, body.reason()));
    }

    private static APIGatewayV2HTTPResponse answer(ReviewPayout.Result result) {
        return switch (result) {
            case ReviewPayout.Result.Done done -> HttpResponse.json(200, AdminJson.payout(done.payout()));
            case ReviewPayout.Result.NotFound ignored -> HttpResponse.problem(Problems.notFound("This payout"));
            case ReviewPayout.Result.Conflict conflict -> HttpResponse.problem(Problem.of(409, "payout-state",
                    "The payout cannot change that way", conflict.why() + "; it is " + conflict.payout().status()
                            + "."));
        };
    }

    APIGatewayV2HTTPResponse partnerPayouts(HttpRequest request) {
        PartnerId partner = AdminRoutes.partnerId(request);
        return HttpResponse.json(200, AdminJson.page(book.payoutsOf(partner, AdminRoutes.page(request)),
                AdminJson::payout));
    }

    APIGatewayV2HTTPResponse approveCommission(HttpRequest request) {
        return answer(reviewCommission.approveEarly(AdminRoutes.partnerId(request), commissionId(request)));
    }

    APIGatewayV2HTTPResponse voidCommission(HttpRequest request) {
        var body = request.jsonBody(AdminBodies.ReasonBody.class, AdminRoutes.MAX_BODY_BYTES);
        return answer(reviewCommission.voidEntry(AdminRoutes.partnerId(request), commissionId(request),
                body.reason()));
    }

    private static APIGatewayV2HTTPResponse answer(ReviewCommission.Result result) {
        return switch (result) {
            case ReviewCommission.Result.Done done -> {
                Map<String, Object> json = AdminJson.commission(done.entry());
                json.put("voidEntry", done.voidEntry() == null ? null : AdminJson.commission(done.voidEntry()));
                yield HttpResponse.json(200, json);
            }
            case ReviewCommission.Result.NotFound ignored ->
                    HttpResponse.problem(Problems.notFound("This ledger entry"));
            case ReviewCommission.Result.Conflict conflict -> HttpResponse.problem(Problem.of(409,
                    "commission-state", "The ledger entry cannot change that way", conflict.why()));
        };
    }

    APIGatewayV2HTTPResponse startRun(HttpRequest request) {
        var body = request.jsonBody(AdminBodies.PayoutRunBody.class, AdminRoutes.MAX_BODY_BYTES);
        if (starter == null) {
            return HttpResponse.problem(Problem.of(503, "payout-queue-missing", "Payout runs are not configured",
                    "This function has no PAYOUT_QUEUE_URL (template.yaml gives it the PayoutQueue)."));
        }
        return switch (starter.startByHand(period(body.period()), zone)) {
            case StartPayoutRun.ByHand.Started started -> HttpResponse.json(202, AdminJson.run(started.run()));
            case StartPayoutRun.ByHand.Refused refused -> HttpResponse.problem(Problem.of(409, "payout-run-incomplete",
                    "Another payout run is not complete", "The run of " + refused.incomplete().period()
                            + " has not finished (" + refused.incomplete().processed() + " of "
                            + refused.incomplete().planned() + " partners processed): two runs at once could split a"
                            + " partner's entries between them. Let it finish (start it again to resume its planning,"
                            + " redrive its dead letters), then start this one."));
        };
    }

    APIGatewayV2HTTPResponse getRun(HttpRequest request) {
        YearMonth period = period(request.pathParameter("period").orElse(null));
        return runs.find(period).map(run -> HttpResponse.json(200, AdminJson.run(run)))
                .orElseGet(() -> HttpResponse.problem(Problems.notFound("A payout run for " + period)));
    }

    private static PayoutId payoutId(HttpRequest request) {
        return AdminRoutes.pathValue("payoutId",
                () -> PayoutId.parse(request.pathParameter("payoutId").orElse(""), "payoutId"));
    }

    private static CommissionId commissionId(HttpRequest request) {
        return AdminRoutes.pathValue("commissionId",
                () -> new CommissionId(request.pathParameter("commissionId").orElse("")));
    }

    static YearMonth period(String text) {
        return Parameters.month("period", text);
    }
}

package dev.refer.portal.partner;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.ledger.Commission;
import dev.refer.core.payout.Payout;
import dev.refer.core.portal.PartnerMoney;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Parameters;
import dev.refer.lambda.Problems;
import dev.refer.portal.PartnerRoutes;
import dev.refer.web.PortalSession;
import dev.refer.lambda.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The partner's money: commissions with their state, payouts with their statements, and both as CSV (RFC 4180 with a
 * header row, {@value #CSV_ROWS} rows a file at most; an {@code X-Next-Cursor} header says where the next file starts).
 * A payout id that is not the partner's own is a 404.
 */
public final class MoneyRoutes implements PartnerRoutes {

    static final int CSV_ROWS = 5_000;
    private static final String[] COMMISSION_COLUMNS = {"commissionId", "kind", "state", "currency", "amount",
            "amountMinor", "rule", "reason", "earnedAt", "pendingUntil", "payoutId"};
    private static final String[] PAYOUT_COLUMNS = {"payoutId", "period", "currency", "amount", "amountMinor",
            "entries", "status", "reference", "createdAt"};

    private final PartnerMoney money;

    public MoneyRoutes(PartnerMoney money) {
        this.money = money;
    }

    @Override
    public Optional<APIGatewayV2HTTPResponse> handle(HttpRequest request, PortalSession session) {
        return Optional.ofNullable(switch (request.routeKey()) {
            case "GET /portal/money" -> Web.page(200, "Money", session, "money.jte", Map.of(
                    "commissions", money.commissions(session.partnerId(),
                            ReferralRoutes.listing(request, "commissions")),
                    "payouts", money.payouts(session.partnerId(), ReferralRoutes.listing(request, "payouts"))));
            case "GET /portal/payouts/{payoutId}" -> money.statement(session.partnerId(),
                            request.pathParameter("payoutId").orElse(""))
                    .map(statement -> Web.page(200, "Statement " + statement.payout().period(), session,
                            "statement.jte", Map.of("statement", statement)))
                    .orElseGet(() -> LinkRoutes.notFoundPage(session));
            case "GET /portal/money/commissions.csv" -> commissionsCsv(request, session);
            case "GET /portal/money/payouts.csv" -> payoutsCsv(request, session);
            case "GET /portal/api/commissions" -> HttpResponse.json(200, PortalJson.page(
                    money.commissions(session.partnerId(), Parameters.page(request)), PortalJson::commission));
            case "GET /portal/api/payouts" -> HttpResponse.json(200, PortalJson.page(
                    money.payouts(session.partnerId(), Parameters.page(request)), PortalJson::payout));
            case "GET /portal/api/payouts/{payoutId}" -> money.statement(session.partnerId(),
                            request.pathParameter("payoutId").orElse(""))
                    .map(statement -> HttpResponse.json(200, PortalJson.statement(statement)))
                    .orElseGet(() -> HttpResponse.problem(Problems.notFound("This payout")));
            default -> null;
        });
    }

    private APIGatewayV2HTTPResponse commissionsCsv(HttpRequest request, PortalSession session) {
        String cursor = request.query("cursor").orElse(null);
        StringWriter csv = new StringWriter();
        int rows = 0;
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setHeader(COMMISSION_COLUMNS)
                .get())) {
            do {
                Page<PartnerMoney.Line> page = money.commissions(session.partnerId(),
                        new PageRequest(PageRequest.MAX_LIMIT, cursor));
                for (PartnerMoney.Line line : page.items()) {
                    Commission c = line.entry();
                    printer.printRecord(CsvCells.safe(c.id().value(), c.kind().name(), line.state().name(),
                            c.amount().currency().getCurrencyCode(), decimal(c.amount()), c.amount().minor(),
                            c.rule(), line.reason(), c.earnedAt().toString(),
                            line.pendingUntil() == null ? null : line.pendingUntil().toString(), c.payoutId()));
                    rows++;
                }
                cursor = page.nextCursor();
            } while (cursor != null && rows < CSV_ROWS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv(csv.toString(), "commissions.csv", cursor);
    }

    private APIGatewayV2HTTPResponse payoutsCsv(HttpRequest request, PortalSession session) {
        String cursor = request.query("cursor").orElse(null);
        StringWriter csv = new StringWriter();
        int rows = 0;
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.RFC4180.builder().setHeader(PAYOUT_COLUMNS).get())) {
            do {
                Page<Payout> page = money.payouts(session.partnerId(), new PageRequest(PageRequest.MAX_LIMIT, cursor));
                for (Payout p : page.items()) {
                    printer.printRecord(CsvCells.safe(p.id().value(), p.period().toString(),
                            p.amount().currency().getCurrencyCode(), decimal(p.amount()), p.amount().minor(),
                            p.entryCount(), p.status().name(), p.reference(), p.createdAt().toString()));
                    rows++;
                }
                cursor = page.nextCursor();
            } while (cursor != null && rows < CSV_ROWS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return csv(csv.toString(), "payouts.csv", cursor);
    }

    private static String decimal(dev.refer.core.basics.money.Money amount) {
        int digits = Math.max(0, amount.currency().getDefaultFractionDigits());
        return BigDecimal.valueOf(amount.minor(), digits).toPlainString();
    }

    private static APIGatewayV2HTTPResponse csv(String body, String filename, String nextCursor) {
        APIGatewayV2HTTPResponse response = HttpResponse.withHeader(HttpResponse.text(200, "text/csv; charset=utf-8",
                body), "content-disposition", "attachment; filename=\"" + filename + "\"");
        return nextCursor == null ? response : HttpResponse.withHeader(response, "x-next-cursor", nextCursor);
    }
}

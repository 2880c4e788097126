package dev.refer.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.link.SubIdSettings;
import dev.refer.core.link.SubIdSettingsStore;
import dev.refer.core.reporting.PartnerQueries;
import dev.refer.core.stats.StatsRepository;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Parameters;
import dev.refer.lambda.Problems;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sub-ids in the admin API: which query parameters the program records as sub-ids ({@code GET}, {@code PUT
 * /admin/sub-ids}), and a partner's funnel per sub-id value in a month ({@code GET
 * /admin/partners/{partnerId}/sub-ids?month=}, this month in the program's calendar by default).
 */
final class SubIdRoutes {

    /** {@code PUT /admin/sub-ids}. */
    record SettingsBody(List<String> parameters) {
    }

    private final SubIdSettingsStore settings;
    private final PartnerQueries queries;

    SubIdRoutes(SubIdSettingsStore settings, PartnerQueries queries) {
        this.settings = settings;
        this.queries = queries;
    }

    APIGatewayV2HTTPResponse getSettings(HttpRequest request) {
        return HttpResponse.json(200, settingsJson(settings.load()));
    }

    /** Validated whole before anything is stored ({@link SubIdSettings}); redirects see it within a minute. */
    APIGatewayV2HTTPResponse putSettings(HttpRequest request) {
        var body = request.jsonBody(SettingsBody.class, AdminRoutes.MAX_BODY_BYTES);
        SubIdSettings changed = new SubIdSettings(body.parameters());
        settings.save(changed);
        return HttpResponse.json(200, settingsJson(changed));
    }

    APIGatewayV2HTTPResponse partnerFunnel(HttpRequest request) {
        var partner = queries.partner(AdminRoutes.partnerId(request)).orElse(null);
        if (partner == null) {
            return HttpResponse.problem(Problems.notFound("This partner"));
        }
        String text = request.query("month").orElse(null);
        YearMonth month = text == null ? queries.currentMonth()
                : Parameters.month("month", text);
        return HttpResponse.json(200, funnelJson(partner.id().value(), queries.subIdFunnel(partner.id(), month),
                month));
    }

    static Map<String, Object> settingsJson(SubIdSettings settings) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("parameters", settings.parameters());
        return json;
    }

    /** The funnel as both APIs answer it ({@code value} null: the values past a link's monthly bound). */
    static Map<String, Object> funnelJson(String partnerId, List<StatsRepository.SubIdRow> rows, YearMonth month) {
        List<Map<String, Object>> items = new ArrayList<>(rows.size());
        for (StatsRepository.SubIdRow row : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("code", row.code());
            item.put("parameter", row.parameter());
            item.put("value", row.value());
            item.put("clicks", row.clicks());
            item.put("leads", row.leads());
            item.put("sales", row.sales());
            items.add(item);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("partnerId", partnerId);
        json.put("month", month.toString());
        json.put("items", items);
        return json;
    }
}

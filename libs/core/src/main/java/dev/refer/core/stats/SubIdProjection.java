package dev.refer.core.stats;

import dev.refer.core.attribution.Attribution;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.lead.Lead;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How stored facts move the funnel per sub-id value (clicks, leads, sales), a pure function of the stream's images
 * like {@link StatsProjection}: a click counts for each sub-id value it recorded; a lead for each value of its
 * attribution (the click's, copied when the lead was attributed by it), dated like the lead counters, and moves when
 * stronger evidence takes it over; a sale (not a renewal or refund) once, when its conversion is stored, for each value
 * of its attribution. Facts without a link code or sub-ids, and organic ones, move nothing.
 */
public final class SubIdProjection {

    private SubIdProjection() {
    }

    public static List<SubIdCount> click(PartnerId partnerId, String code, Instant at, Map<String, String> subIds,
                                         ZoneId zone) {
        if (subIds.isEmpty()) {
            return List.of();
        }
        return counts(partnerId, code, YearMonth.from(at.atZone(zone)), subIds, SubIdCount.CLICKS, 1);
    }

    public static List<SubIdCount> lead(Lead before, Lead after, ZoneId zone) {
        Attribution held = before == null ? null : before.attribution();
        Attribution holds = after.attribution();
        if (before == null) {
            return holds == null ? List.of() : counts(holds, after.createdAt(), zone, SubIdCount.LEADS, 1);
        }
        if (Objects.equals(partnerOf(held), partnerOf(holds))) {
            return List.of(); // a status move: the funnel counts the lead once, as it came
        }
        List<SubIdCount> moved = new ArrayList<>();
        if (held != null) {
            moved.addAll(counts(held, before.attributedAt(), zone, SubIdCount.LEADS, -1));
        }
        if (holds != null) {
            moved.addAll(counts(holds, after.attributedAt(), zone, SubIdCount.LEADS, 1));
        }
        return moved;
    }

    /** A stored conversion: a sale counts once for its attribution's sub-ids. */
    public static List<SubIdCount> conversion(Conversion conversion, ZoneId zone) {
        if (conversion.kind() != ConversionKind.SALE || conversion.attribution() == null) {
            return List.of();
        }
        return counts(conversion.attribution(), conversion.occurredAt(), zone, SubIdCount.SALES, 1);
    }

    private static PartnerId partnerOf(Attribution attribution) {
        return attribution == null ? null : attribution.partnerId();
    }

    private static List<SubIdCount> counts(Attribution attribution, Instant at, ZoneId zone, String metric,
                                           long delta) {
        if (attribution.code() == null || attribution.subIds().isEmpty() || at == null) {
            return List.of();
        }
        return counts(attribution.partnerId(), attribution.code().value(), YearMonth.from(at.atZone(zone)),
                attribution.subIds(), metric, delta);
    }

    private static List<SubIdCount> counts(PartnerId partnerId, String code, YearMonth month,
                                           Map<String, String> subIds, String metric, long delta) {
        List<SubIdCount> counts = new ArrayList<>(subIds.size());
        subIds.forEach((parameter, value) -> counts.add(new SubIdCount(partnerId, month, code, parameter, value,
                metric, delta)));
        return counts;
    }
}

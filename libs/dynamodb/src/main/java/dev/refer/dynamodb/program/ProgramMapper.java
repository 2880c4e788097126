package dev.refer.dynamodb.program;

import dev.refer.core.basics.money.Money;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.Map;

/** {@code PROGRAM#{pid}} / {@code PROGRAM}: the program's settings and default plan. */
final class ProgramMapper {

    private ProgramMapper() {
    }

    static Map<String, AttributeValue> toItem(Program program) {
        return ItemBuilder.item(Keys.program(program.id()), ItemType.PROGRAM)
                .s("programId", program.id().value())
                .s("currency", program.currency().getCurrencyCode())
                .n("attributionWindowDays", program.attributionWindowDays())
                .n("holdingPeriodDays", program.holdingPeriodDays())
                .map("defaultPlan", PlanMapper.toMap(program.defaultPlan()))
                .strings("allowedDestinationHosts", program.allowedDestinationHosts())
                .strings("allowedFormOrigins", program.allowedFormOrigins())
                .n("maxEventAgeDays", program.maxEventAgeDays())
                .map("payouts", payouts(program.payouts()))
                .n("maxLinksPerPartner", program.maxLinksPerPartner())
                .build();
    }

    private static Map<String, AttributeValue> payouts(dev.refer.core.program.PayoutSettings settings) {
        Map<String, AttributeValue> minimum = new java.util.LinkedHashMap<>();
        settings.minimumMinor().forEach((currency, minor) -> minimum.put(currency.getCurrencyCode(),
                AttributeValue.fromN(Long.toString(minor))));
        return ItemBuilder.map()
                .map("minimum", minimum)
                .s("locale", settings.locale().toLanguageTag())
                .s("terms", settings.terms())
                .s("managerEmail", settings.managerEmail() == null ? null : settings.managerEmail().value())
                .build();
    }

    private static dev.refer.core.program.PayoutSettings payouts(Map<String, AttributeValue> map) {
        if (map == null || map.isEmpty()) {
            return dev.refer.core.program.PayoutSettings.DEFAULTS;
        }
        Map<java.util.Currency, Long> minimum = new java.util.LinkedHashMap<>();
        Map<String, AttributeValue> stored = Attributes.optionalMap(map, "minimum");
        if (stored != null) {
            stored.forEach((code, minor) -> minimum.put(Money.currency(code), Long.parseLong(minor.n())));
        }
        String manager = Attributes.optionalString(map, "managerEmail");
        return new dev.refer.core.program.PayoutSettings(minimum,
                java.util.Locale.forLanguageTag(Attributes.string(map, "locale")),
                Attributes.optionalString(map, "terms"),
                manager == null ? null : new dev.refer.core.basics.email.EmailAddress(manager));
    }

    static Program fromItem(Map<String, AttributeValue> item) {
        return new Program(new ProgramId(Attributes.string(item, "programId")),
                Money.currency(Attributes.string(item, "currency")),
                Attributes.integer(item, "attributionWindowDays"),
                Attributes.integer(item, "holdingPeriodDays"),
                PlanMapper.fromMap(Attributes.optionalMap(item, "defaultPlan")),
                Attributes.strings(item, "allowedDestinationHosts"),
                Attributes.strings(item, "allowedFormOrigins"),
                Attributes.optionalNumber(item, "maxEventAgeDays") == null ? Program.DEFAULT_MAX_EVENT_AGE_DAYS
                        : Attributes.integer(item, "maxEventAgeDays"),
                payouts(Attributes.optionalMap(item, "payouts")),
                // stored before the portal's link limit existed: the default
                Attributes.optionalNumber(item, "maxLinksPerPartner") == null ? Program.DEFAULT_MAX_LINKS_PER_PARTNER
                        : Attributes.integer(item, "maxLinksPerPartner"));
    }
}

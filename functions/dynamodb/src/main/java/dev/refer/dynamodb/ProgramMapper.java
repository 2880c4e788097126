package dev.refer.dynamodb;

import dev.refer.core.money.Money;
import dev.refer.core.program.Program;
import dev.refer.core.program.ProgramId;
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
                .build();
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
                        : Attributes.integer(item, "maxEventAgeDays"));
    }
}

package dev.refer.dynamodb.comms;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.comms.CommsSettings;
import dev.refer.core.comms.CommsSettingsRepository;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.TableConfig;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The program's partner-mail settings: one item, {@code PROGRAM#{pid}} / {@code COMMS}. */
public final class DynamoDbCommsSettings implements CommsSettingsRepository {

    private final DynamoDbClient client;
    private final TableConfig table;

    public DynamoDbCommsSettings(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public CommsSettings find() {
        GetItemResponse response = client.getItem(r -> r.tableName(table.tableName())
                .key(Keys.commsSettings(table.programId())));
        if (!response.hasItem()) {
            return CommsSettings.DEFAULTS;
        }
        Map<String, AttributeValue> item = response.item();
        List<CommsSettings.Resource> resources = new ArrayList<>();
        AttributeValue list = item.get("resources");
        if (list != null && list.hasL()) {
            for (AttributeValue r : list.l()) {
                resources.add(new CommsSettings.Resource(r.m().get("title").s(), r.m().get("url").s()));
            }
        }
        String noteMonth = Attributes.optionalString(item, "noteMonth");
        String sales = Attributes.optionalString(item, "salesEmail");
        Long top = Attributes.optionalNumber(item, "topPartners");
        Long perDay = Attributes.optionalNumber(item, "notificationsPerDay");
        return new CommsSettings(Attributes.optionalString(item, "programName"),
                Attributes.optionalString(item, "idealCustomer"), Attributes.optionalString(item, "valueProposition"),
                Attributes.strings(item, "differentiators"), Attributes.strings(item, "onboardingSteps"), resources,
                noteMonth == null ? null : new CommsSettings.Note(YearMonth.parse(noteMonth),
                        Attributes.optionalString(item, "noteText")),
                top == null ? CommsSettings.DEFAULT_TOP_PARTNERS : top.intValue(),
                sales == null ? null : new EmailAddress(sales),
                perDay == null ? CommsSettings.DEFAULT_NOTIFICATIONS_PER_DAY : perDay.intValue());
    }

    @Override
    public void save(CommsSettings settings) {
        ItemBuilder item = ItemBuilder.item(Keys.commsSettings(table.programId()), ItemType.COMMS_SETTINGS)
                .s("programName", settings.programName())
                .s("idealCustomer", settings.idealCustomer())
                .s("valueProposition", settings.valueProposition())
                .strings("differentiators", settings.differentiators())
                .strings("onboardingSteps", settings.onboardingSteps())
                .n("topPartners", (long) settings.topPartners())
                .n("notificationsPerDay", (long) settings.notificationsPerDay())
                .s("salesEmail", settings.salesEmail() == null ? null : settings.salesEmail().value());
        if (settings.note() != null) {
            item.s("noteMonth", settings.note().month().toString()).s("noteText", settings.note().text());
        }
        Map<String, AttributeValue> built = new LinkedHashMap<>(item.build());
        built.put("resources", AttributeValue.fromL(settings.resources().stream()
                .map(r -> AttributeValue.fromM(Map.of("title", AttributeValue.fromS(r.title()),
                        "url", AttributeValue.fromS(r.url()))))
                .toList()));
        client.putItem(r -> r.tableName(table.tableName()).item(built));
    }
}

package dev.refer.dynamodb.application;

import dev.refer.core.application.Application;
import dev.refer.core.application.ApplicationBook;
import dev.refer.core.application.ApplicationId;
import dev.refer.core.application.ApplicationStatus;
import dev.refer.core.application.Channel;
import dev.refer.core.application.OnboardingSettings;
import dev.refer.core.application.PartnerEmails;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Cancellation;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.KeyShape;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.QueryPages;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Transactions;
import dev.refer.dynamodb.Writes;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applications (docs/data-model.md, "Applications"): {@code APPLICATION#{id}} / {@code APPLICATION}, listed per status
 * in GSI1 {@code PROGRAM#{pid}#APPLICATIONS#{STATUS}} by the latest submission; one per email by the guard
 * {@code APPLICATION_EMAIL#{pid}#{email}}, written in the same transaction. A second submission replaces the pending
 * application's answers under the condition that it is still pending; a decision moves it to its status's listing
 * under the same condition, so of two decisions at once one wins. The onboarding settings sit beside the program
 * ({@code PROGRAM#{pid}} / {@code ONBOARDING}). Also answers which partner holds an address (the partners' own
 * {@code PARTNER_EMAIL} guard: one GetItem).
 */
public final class DynamoDbApplicationBook implements ApplicationBook, PartnerEmails {

    private static final Map<String, String> STATUS_NAME = Map.of("#status", "status");

    private final DynamoDbClient client;
    private final TableConfig table;
    private final Transactions transactions;
    private final QueryPages pages;

    public DynamoDbApplicationBook(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
        this.transactions = new Transactions(client);
        this.pages = new QueryPages(client, table.tableName());
    }

    @Override
    public Submitted submit(Application application) {
        Map<String, AttributeValue> guard = ItemBuilder.item(Keys.applicationEmail(table.programId(),
                application.email()), ItemType.APPLICATION_EMAIL).s("applicationId", application.id().value()).build();
        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> List.of(
                Writes.putGuard(table.tableName(), guard), Writes.putNew(table.tableName(), item(application))));
        if (cancelled.isEmpty()) {
            return new Submitted.Created(application);
        }
        if (!cancelled.get().conditionFailed(0)) {
            throw cancelled.get().unexpected();
        }
        ApplicationId existingId = new ApplicationId(Attributes.string(cancelled.get().oldItem(0), "applicationId"));
        Application existing = find(existingId).orElseThrow(
                () -> new IllegalStateException("an application guard without its application: " + existingId));
        if (existing.status() != ApplicationStatus.PENDING) {
            return new Submitted.Decided(existing);
        }
        Application updated = new Application(existing.id(), application.name(), existing.email(),
                application.company(), application.website(), application.country(), application.channels(),
                application.audience(), application.reference(), application.termsVersion(), application.ip(),
                application.userAgent(), ApplicationStatus.PENDING, null, null, existing.createdAt(),
                application.submittedAt(), null);
        if (!putIfPending(updated)) {
            return new Submitted.Decided(find(existingId).orElseThrow()); // decided meanwhile
        }
        return new Submitted.Updated(updated);
    }

    @Override
    public Optional<Application> find(ApplicationId id) {
        return get(Keys.application(id.value())).map(DynamoDbApplicationBook::fromItem);
    }

    @Override
    public Page<Application> list(ApplicationStatus status, PageRequest page) {
        return pages.newestFirst(KeyShape.GSI1, Keys.applicationsOf(table.programId(), status.name()), null, page,
                DynamoDbApplicationBook::fromItem);
    }

    @Override
    public boolean decide(Application decided) {
        return putIfPending(decided);
    }

    @Override
    public OnboardingSettings settings() {
        return get(Keys.onboardingSettings(table.programId()))
                .map(item -> new OnboardingSettings(Attributes.bool(item, "autoApprove"),
                        Attributes.optionalString(item, "firstLinkDestination")))
                .orElse(OnboardingSettings.DEFAULTS);
    }

    @Override
    public void save(OnboardingSettings settings) {
        client.putItem(r -> r.tableName(table.tableName()).item(ItemBuilder.item(
                        Keys.onboardingSettings(table.programId()), ItemType.ONBOARDING_SETTINGS)
                .bool("autoApprove", settings.autoApprove())
                .s("firstLinkDestination", settings.firstLinkDestination()).build()));
    }

    @Override
    public Optional<PartnerId> partnerOf(EmailAddress email) {
        return get(Keys.partnerEmail(table.programId(), email))
                .map(item -> new PartnerId(Attributes.string(item, "partnerId")));
    }

    private boolean putIfPending(Application application) {
        try {
            client.putItem(r -> r.tableName(table.tableName()).item(item(application))
                    .conditionExpression("#status = :pending").expressionAttributeNames(STATUS_NAME)
                    .expressionAttributeValues(Map.of(":pending",
                            AttributeValue.fromS(ApplicationStatus.PENDING.name()))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        GetItemResponse response = client.getItem(r -> r.tableName(table.tableName()).key(key).consistentRead(true));
        return response.hasItem() ? Optional.of(response.item()) : Optional.empty();
    }

    private Map<String, AttributeValue> item(Application a) {
        return toItem(a, table.programId());
    }

    /** The item of an application (as the stream's images show it). */
    public static Map<String, AttributeValue> toItem(Application a, dev.refer.core.program.ProgramId programId) {
        return ItemBuilder.item(Keys.application(a.id().value()), ItemType.APPLICATION)
                .s("applicationId", a.id().value()).s("name", a.name()).s("email", a.email().value())
                .s("company", a.company()).s("website", a.website()).s("country", a.country())
                .strings("channels", a.channels().stream().map(Channel::wireName).toList())
                .s("audience", a.audience()).s("reference", a.reference()).s("termsVersion", a.termsVersion())
                .s("ip", a.ip()).s("userAgent", a.userAgent()).s("status", a.status().name())
                .s("reason", a.reason()).s("partnerId", a.partnerId() == null ? null : a.partnerId().value())
                .instant("createdAt", a.createdAt()).instant("submittedAt", a.submittedAt())
                .instant("decidedAt", a.decidedAt())
                .gsi1(Keys.applicationsOf(programId, a.status().name()),
                        Keys.termsOrder(a.submittedAt(), a.id().value()))
                .build();
    }

    /** An application item as the domain's (the stream's reader reads its images with it too). */
    public static Application fromItem(Map<String, AttributeValue> item) {
        String partnerId = Attributes.optionalString(item, "partnerId");
        return new Application(new ApplicationId(Attributes.string(item, "applicationId")),
                Attributes.string(item, "name"), new EmailAddress(Attributes.string(item, "email")),
                Attributes.optionalString(item, "company"), Attributes.optionalString(item, "website"),
                Attributes.string(item, "country"),
                Attributes.strings(item, "channels").stream().map(Channel::fromWire).toList(),
                Attributes.optionalString(item, "audience"), Attributes.optionalString(item, "reference"),
                Attributes.optionalString(item, "termsVersion"), Attributes.optionalString(item, "ip"),
                Attributes.optionalString(item, "userAgent"),
                Attributes.enumValue(item, "status", ApplicationStatus.class),
                Attributes.optionalString(item, "reason"), partnerId == null ? null : new PartnerId(partnerId),
                Attributes.instant(item, "createdAt"), Attributes.instant(item, "submittedAt"),
                Attributes.optionalInstant(item, "decidedAt"));
    }
}

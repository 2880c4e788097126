package dev.refer.dynamodb.deal;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.deal.CompanyDomain;
import dev.refer.core.deal.Deal;
import dev.refer.core.deal.DealClaim;
import dev.refer.core.deal.DealId;
import dev.refer.core.deal.DealRegistry;
import dev.refer.core.deal.DealSettings;
import dev.refer.core.deal.DealStatus;
import dev.refer.core.partner.PartnerId;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Cancellation;
import dev.refer.dynamodb.Cursor;
import dev.refer.dynamodb.ItemBuilder;
import dev.refer.dynamodb.KeyShape;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.QueryPages;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Transactions;
import dev.refer.dynamodb.Writes;
import dev.refer.table.ItemType;
import dev.refer.table.SortableTime;
import dev.refer.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deal registrations on the table. Registering writes the registration and its domain's guard in one transaction
 * whose guard condition admits only a free domain: no guard, a rejected one, or one past its life at the caller's
 * {@code now} (compared on the guard's {@code validUntilMs}); so of two partners racing for one domain exactly one
 * wins, and a lapsed registration is taken over without anyone deleting it first. A refused guard comes back with the
 * cancellation (ALL_OLD): the caller learns who holds it without a second read. Approving and rejecting are
 * compare-and-set on the registration's status, with its guard in the same transaction.
 */
public final class DynamoDbDealRegistry implements DealRegistry, DealSettings {

    private static final int GUARD = 0;
    private static final String SETTINGS_DAYS = "registrationDays";

    private final DynamoDbClient client;
    private final TableConfig table;
    private final Transactions transactions;
    private final QueryPages pages;

    public DynamoDbDealRegistry(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
        this.transactions = new Transactions(client);
        this.pages = new QueryPages(client, table.tableName());
    }

    @Override
    public Registration register(Deal deal, Instant now) {
        TransactWriteItem guard = TransactWriteItem.builder().put(Put.builder()
                .tableName(table.tableName())
                .item(DealMapper.toGuard(deal.claim(), table.programId()))
                .conditionExpression(Writes.KEY_IS_FREE + " OR #status = :rejected OR #until <= :now")
                .expressionAttributeNames(Map.of("#status", DealMapper.STATUS, "#until", DealMapper.VALID_UNTIL_MS))
                .expressionAttributeValues(Map.of(":rejected", AttributeValue.fromS(DealStatus.REJECTED.name()),
                        ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli()))))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                .build()).build();
        List<TransactWriteItem> items = List.of(guard,
                Writes.putNew(table.tableName(), DealMapper.toItem(deal, table.programId())));
        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
        if (cancelled.isEmpty()) {
            return new Registration.Registered(deal);
        }
        if (cancelled.get().conditionFailed(GUARD)) {
            Map<String, AttributeValue> holder = cancelled.get().oldItem(GUARD);
            if (!holder.isEmpty()) {
                return new Registration.Held(DealMapper.fromGuard(holder));
            }
            return claimOn(deal.domain()).<Registration>map(Registration.Held::new)
                    .orElseThrow(() -> new IllegalStateException("guard refused but absent"));
        }
        throw cancelled.get().unexpected();
    }

    @Override
    public Optional<Deal> find(DealId id) {
        GetItemResponse response = client.getItem(request -> request
                .tableName(table.tableName())
                .key(DealMapper.dealKey(id))
                .consistentRead(true));
        return response.hasItem() ? Optional.of(DealMapper.fromItem(response.item())) : Optional.empty();
    }

    /** One GetItem of the domain's guard (eventually consistent: the attribution paths cache it anyway). */
    @Override
    public Optional<DealClaim> claimOn(CompanyDomain domain) {
        GetItemResponse response = client.getItem(request -> request
                .tableName(table.tableName())
                .key(DealMapper.guardKey(table.programId(), domain)));
        return response.hasItem() ? Optional.of(DealMapper.fromGuard(response.item())) : Optional.empty();
    }

    @Override
    public Page<Deal> ofPartner(PartnerId partnerId, PageRequest page) {
        return pages.newestFirst(KeyShape.GSI1, TableKeys.dealsOf(partnerId.value()), null, page,
                DealMapper::fromItem);
    }

    @Override
    public Page<Deal> withStatus(DealStatus status, Instant now, PageRequest page) {
        String nowKey = SortableTime.format(now);
        return switch (status) {
            case PENDING -> query(DealStatus.PENDING, "#s >= :s", nowKey, true, page);
            case EXPIRED -> query(DealStatus.PENDING, "#s < :s", nowKey, false, page);
            case APPROVED, REJECTED -> query(status, null, null, false, page);
        };
    }

    private Page<Deal> query(DealStatus stored, String sortCondition, String sortValue, boolean ascending,
                             PageRequest page) {
        String partition = TableKeys.dealsIn(table.programId().value(), stored.name());
        KeyShape shape = KeyShape.GSI2;
        Map<String, String> names = new HashMap<>(Map.of("#p", shape.partitionAttribute()));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", AttributeValue.fromS(partition)));
        String condition = "#p = :p";
        if (sortCondition != null) {
            names.put("#s", shape.sortAttribute());
            values.put(":s", AttributeValue.fromS(sortValue));
            condition += " AND " + sortCondition;
        }
        QueryRequest base = QueryRequest.builder().tableName(table.tableName()).indexName(shape.index())
                .keyConditionExpression(condition).expressionAttributeNames(names)
                .expressionAttributeValues(values).scanIndexForward(ascending).build();
        Map<String, AttributeValue> start = page.cursor() == null ? null
                : Cursor.startKey(page.cursor(), shape, partition, null);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        do {
            QueryResponse response = client.query(base.toBuilder().limit(page.limit() + 1 - items.size())
                    .exclusiveStartKey(start).build());
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && items.size() <= page.limit());
        if (items.size() <= page.limit()) {
            return new Page<>(items.stream().map(DealMapper::fromItem).toList(), null);
        }
        List<Map<String, AttributeValue>> shown = items.subList(0, page.limit());
        return new Page<>(shown.stream().map(DealMapper::fromItem).toList(),
                Cursor.after(shown.getLast(), shape));
    }

    @Override
    public Optional<Deal> approve(DealId id, Instant at, Instant newExpiry) {
        Deal deal = find(id).orElse(null);
        if (deal == null || deal.statusAt(at) != DealStatus.PENDING) {
            return Optional.empty();
        }
        Deal approved = deal.approved(at, newExpiry);
        List<TransactWriteItem> items = List.of(
                guardPut(approved.claim(), id),
                dealPut(approved, "#status = :was AND #until > :now", deal.status(), at));
        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
        if (cancelled.isEmpty()) {
            return Optional.of(approved);
        }
        if (cancelled.get().anyConditionFailed()) {
            return Optional.empty(); // decided or lapsed meanwhile, or its domain was taken over
        }
        throw cancelled.get().unexpected();
    }

    @Override
    public Optional<Deal> reject(DealId id, String reason, Instant at) {
        Deal deal = find(id).orElse(null);
        if (deal == null || deal.status() == DealStatus.REJECTED) {
            return Optional.empty();
        }
        Deal rejected = deal.rejected(at, reason);
        TransactWriteItem freeGuard = TransactWriteItem.builder().delete(Delete.builder()
                .tableName(table.tableName())
                .key(DealMapper.guardKey(table.programId(), deal.domain()))
                .conditionExpression("#deal = :deal")
                .expressionAttributeNames(Map.of("#deal", DealMapper.DEAL_ID))
                .expressionAttributeValues(Map.of(":deal", AttributeValue.fromS(id.value())))
                .build()).build();
        TransactWriteItem update = dealPut(rejected, "#status = :was", deal.status(), null);
        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> List.of(update, freeGuard));
        if (cancelled.isPresent() && !cancelled.get().conditionFailed(0) && cancelled.get().conditionFailed(1)) {
            // its domain is held by a later registration already (it had lapsed): only the registration changes
            cancelled = transactions.writeRetryingConflicts(() -> List.of(update));
        }
        if (cancelled.isEmpty()) {
            return Optional.of(rejected);
        }
        if (cancelled.get().anyConditionFailed()) {
            return Optional.empty();
        }
        throw cancelled.get().unexpected();
    }

    private TransactWriteItem guardPut(DealClaim claim, DealId holder) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table.tableName())
                .item(DealMapper.toGuard(claim, table.programId()))
                .conditionExpression("#deal = :deal")
                .expressionAttributeNames(Map.of("#deal", DealMapper.DEAL_ID))
                .expressionAttributeValues(Map.of(":deal", AttributeValue.fromS(holder.value())))
                .build()).build();
    }

    private TransactWriteItem dealPut(Deal deal, String condition, DealStatus was, Instant now) {
        Map<String, String> names = new HashMap<>(Map.of("#status", DealMapper.STATUS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":was", AttributeValue.fromS(was.name())));
        if (now != null) {
            names.put("#until", DealMapper.VALID_UNTIL_MS);
            values.put(":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())));
        }
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table.tableName())
                .item(DealMapper.toItem(deal, table.programId()))
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build()).build();
    }

    @Override
    public int registrationDays() {
        GetItemResponse response = client.getItem(request -> request
                .tableName(table.tableName())
                .key(Keys.key(TableKeys.dealSettings(table.programId().value()))));
        return response.hasItem() && response.item().containsKey(SETTINGS_DAYS)
                ? Attributes.integer(response.item(), SETTINGS_DAYS) : DEFAULT_DAYS;
    }

    @Override
    public void setRegistrationDays(int days) {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw dev.refer.core.basics.validation.Invalid.field("registrationDays",
                    "must be between " + MIN_DAYS + " and " + MAX_DAYS);
        }
        client.putItem(request -> request.tableName(table.tableName()).item(
                ItemBuilder.item(Keys.key(TableKeys.dealSettings(table.programId().value())), ItemType.DEAL_SETTINGS)
                        .n(SETTINGS_DAYS, days).build()));
    }
}

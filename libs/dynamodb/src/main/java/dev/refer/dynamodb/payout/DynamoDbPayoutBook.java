package dev.refer.dynamodb.payout;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionId;
import dev.refer.core.ledger.CommissionStatus;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.payout.Payout;
import dev.refer.core.payout.PayoutBook;
import dev.refer.core.payout.PayoutId;
import dev.refer.core.payout.PayoutStatus;
import dev.refer.dynamodb.Backoff;
import dev.refer.dynamodb.Cancellation;
import dev.refer.dynamodb.KeyShape;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.QueryPages;
import dev.refer.dynamodb.TableConfig;
import dev.refer.dynamodb.Transactions;
import dev.refer.dynamodb.Writes;
import dev.refer.dynamodb.ledger.CommissionMapper;
import dev.refer.table.SortableTime;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Payouts and the marking of ledger entries. An entry due for payment is in GSI2 {@code UNPAID#{partnerId}} by due
 * date; marking it paid moves it to {@code PAYOUT#{payoutId}} in the same transaction that adds it to the payout, on
 * condition that it names no payout yet (and, read unvoided, is still not voided), so an entry is paid once whatever is
 * repeated and never after a void it was read without. Payout statuses move only forward, each move conditional on
 * the status it leaves; the close also on the amount the marked entries add up to (at least the minimum), and a
 * payout that cannot close gives its entries back and is deleted ({@link #withdraw}).
 */
public final class DynamoDbPayoutBook implements PayoutBook {

    /** GSI reads lag writes by a moment: how often {@link #returnEntries} looks again for entries it already moved. */
    private static final int RETURN_PASSES = 20;

    private final DynamoDbClient client;
    private final TableConfig table;
    private final QueryPages pages;
    private final Transactions transactions;

    public DynamoDbPayoutBook(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
        this.pages = new QueryPages(client, table.tableName());
        this.transactions = new Transactions(client);
    }

    // ---- entries --------------------------------------------------------------------------------------------------

    @Override
    public List<Commission> dueEntries(PartnerId partnerId, Instant cutoff) {
        List<Commission> due = new ArrayList<>();
        queryGsi2(Keys.unpaid(partnerId), SortableTime.format(cutoff), Integer.MAX_VALUE, item -> {
            Commission entry = CommissionMapper.fromItem(item);
            if (!entry.paid() && entry.createdAt().isBefore(cutoff)) {
                due.add(entry);
            }
        });
        return due;
    }

    @Override
    public boolean hasUnpaid(PartnerId partnerId) {
        boolean[] found = {false};
        queryGsi2(Keys.unpaid(partnerId), null, 1, item -> found[0] = true);
        return found[0];
    }

    /** Every item of a GSI2 partition (sort key below {@code before} when given), ascending, up to {@code max}. */
    private void queryGsi2(String partition, String before, int max,
                           java.util.function.Consumer<Map<String, AttributeValue>> items) {
        Map<String, String> names = new HashMap<>(Map.of("#p", Keys.GSI2PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":p", AttributeValue.fromS(partition)));
        String condition = "#p = :p";
        if (before != null) {
            names.put("#s", Keys.GSI2SK);
            values.put(":s", AttributeValue.fromS(before));
            condition += " AND #s < :s";
        }
        QueryRequest.Builder request = QueryRequest.builder().tableName(table.tableName()).indexName(Keys.GSI2)
                .keyConditionExpression(condition).expressionAttributeNames(names)
                .expressionAttributeValues(values);
        Map<String, AttributeValue> start = null;
        int seen = 0;
        do {
            QueryResponse page = client.query(request.exclusiveStartKey(start)
                    .limit(max == Integer.MAX_VALUE ? null : max - seen).build());
            for (Map<String, AttributeValue> item : page.items()) {
                items.accept(item);
                seen++;
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && seen < max);
    }

    @Override
    public void approve(List<Commission> entries) {
        for (Commission entry : entries) {
            try {
                client.updateItem(r -> r.tableName(table.tableName())
                        .key(Keys.commission(entry.partnerId(), entry.id()))
                        .updateExpression("SET #status = :approved")
                        .conditionExpression("#status = :pending")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(
                                ":approved", AttributeValue.fromS(CommissionStatus.APPROVED.name()),
                                ":pending", AttributeValue.fromS(CommissionStatus.PENDING.name()))));
            } catch (ConditionalCheckFailedException e) {
                // approved (or paid) meanwhile
            }
        }
    }

    // ---- payouts ----------------------------------------------------------------------------------------------------

    @Override
    public Optional<Payout> find(PayoutId id) {
        GetItemResponse response = client.getItem(r -> r.tableName(table.tableName()).key(Keys.payout(id))
                .consistentRead(true));
        return response.hasItem() ? Optional.of(PayoutMapper.fromItem(response.item())) : Optional.empty();
    }

    @Override
    public Payout open(Payout payout) {
        try {
            client.putItem(r -> r.tableName(table.tableName()).item(PayoutMapper.toItem(payout, table.programId()))
                    .conditionExpression(Writes.KEY_IS_FREE));
            return payout;
        } catch (ConditionalCheckFailedException e) {
            return find(payout.id()).orElseThrow();
        }
    }

    @Override
    public Payout pay(PayoutId id, List<Commission> entries, Instant at) {
        if (entries.size() > MAX_BATCH) {
            throw new IllegalArgumentException("at most " + MAX_BATCH + " entries at once");
        }
        List<Commission> pending = new ArrayList<>(entries);
        while (!pending.isEmpty()) {
            List<Commission> batch = List.copyOf(pending);
            List<TransactWriteItem> items = new ArrayList<>();
            long sum = 0;
            for (Commission entry : batch) {
                sum += entry.amount().minor();
                // an entry voided since it was read is paid later with its void, never alone
                items.add(Writes.update(Update.builder().tableName(table.tableName())
                        .key(Keys.commission(entry.partnerId(), entry.id()))
                        .updateExpression("SET #status = :paid, payoutId = :payout, #gsi2pk = :byPayout")
                        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(payoutId)"
                                + (entry.voidedAt() == null ? " AND attribute_not_exists(voidedAt)" : ""))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .expressionAttributeNames(Map.of("#status", "status", "#gsi2pk", Keys.GSI2PK))
                        .expressionAttributeValues(Map.of(
                                ":paid", AttributeValue.fromS(CommissionStatus.PAID.name()),
                                ":payout", AttributeValue.fromS(id.value()),
                                ":byPayout", AttributeValue.fromS(Keys.paidBy(id.value()))))
                        .build()));
            }
            items.add(Writes.update(Update.builder().tableName(table.tableName()).key(Keys.payout(id))
                    .updateExpression("ADD #amount :sum, #count :n SET updatedAt = :at")
                    .conditionExpression("#status = :open")
                    .expressionAttributeNames(Map.of("#amount", PayoutMapper.AMOUNT, "#count", PayoutMapper.COUNT,
                            "#status", PayoutMapper.STATUS))
                    .expressionAttributeValues(Map.of(":sum", AttributeValue.fromN(Long.toString(sum)),
                            ":n", AttributeValue.fromN(Integer.toString(batch.size())),
                            ":at", AttributeValue.fromS(at.toString()),
                            ":open", AttributeValue.fromS(PayoutStatus.OPEN.name())))
                    .build()));
            Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
            if (cancelled.isEmpty()) {
                break;
            }
            if (cancelled.get().conditionFailed(batch.size())) {
                throw new IllegalStateException("payout " + id + " is no longer OPEN");
            }
            boolean dropped = false;
            Set<CommissionId> voided = new HashSet<>();
            for (int i = batch.size() - 1; i >= 0; i--) {
                if (cancelled.get().conditionFailed(i)) {
                    // paid already (by this payout, before a crash, or by another), or voided since it was read
                    Map<String, AttributeValue> stored = cancelled.get().oldItem(i);
                    Commission left = pending.remove(i);
                    if (!stored.containsKey("payoutId") && stored.containsKey("voidedAt")) {
                        voided.add(left.id());
                    }
                    dropped = true;
                }
            }
            if (!dropped) {
                throw cancelled.get().unexpected();
            }
            // what takes back an entry voided since the read waits with it (they net in a later payout)
            pending.removeIf(entry -> entry.reversed().map(voided::contains).orElse(false));
        }
        return find(id).orElseThrow();
    }

    /** The one update the ordinary run makes anyway, conditioned on the amount the transactions of {@link #pay} added. */
    @Override
    public Payout close(PayoutId id, long minimum, Instant at) {
        try {
            var response = client.updateItem(r -> r.tableName(table.tableName()).key(Keys.payout(id))
                    .updateExpression("SET #status = :ready, updatedAt = :at")
                    .conditionExpression("#status = :open AND #amount >= :minimum")
                    .expressionAttributeNames(Map.of("#status", PayoutMapper.STATUS, "#amount", PayoutMapper.AMOUNT))
                    .expressionAttributeValues(Map.of(":ready", AttributeValue.fromS(PayoutStatus.READY.name()),
                            ":open", AttributeValue.fromS(PayoutStatus.OPEN.name()),
                            ":minimum", AttributeValue.fromN(Long.toString(minimum)),
                            ":at", AttributeValue.fromS(at.toString())))
                    .returnValues(ReturnValue.ALL_NEW));
            return PayoutMapper.fromItem(response.attributes());
        } catch (ConditionalCheckFailedException e) {
            // moved on before (a lost answer, a redelivery), or below the minimum: still OPEN
            return find(id).orElseThrow(() -> new IllegalStateException("payout " + id + " was withdrawn meanwhile"));
        }
    }

    /**
     * Each entry goes back in one transaction with the payout's amount and count, so the payout's count says exactly
     * how many are still out whatever the index shows yet (it lags the marking that {@link #pay} just did); the payout
     * is deleted once its count is zero. A crash leaves an OPEN payout that the next delivery pays or withdraws.
     */
    @Override
    public void withdraw(PayoutId id, Instant at) {
        for (int pass = 0; ; pass++) {
            Payout payout = find(id).orElse(null);
            if (payout == null || payout.status() != PayoutStatus.OPEN) {
                return;
            }
            if (payout.entryCount() == 0) {
                try {
                    client.deleteItem(r -> r.tableName(table.tableName()).key(Keys.payout(id))
                            .conditionExpression("#status = :open AND #count = :zero")
                            .expressionAttributeNames(Map.of("#status", PayoutMapper.STATUS,
                                    "#count", PayoutMapper.COUNT))
                            .expressionAttributeValues(Map.of(":open", AttributeValue.fromS(PayoutStatus.OPEN.name()),
                                    ":zero", AttributeValue.fromN("0"))));
                    return;
                } catch (ConditionalCheckFailedException e) {
                    continue; // paid into by a redelivery meanwhile: look again
                }
            }
            int moved = 0;
            for (Commission entry : entriesOf(id)) {
                List<TransactWriteItem> items = List.of(
                        Writes.update(Update.builder().tableName(table.tableName())
                                .key(Keys.commission(entry.partnerId(), entry.id()))
                                .updateExpression("SET #status = :approved, #gsi2pk = :unpaid REMOVE payoutId")
                                .conditionExpression("payoutId = :payout")
                                .expressionAttributeNames(Map.of("#status", "status", "#gsi2pk", Keys.GSI2PK))
                                .expressionAttributeValues(Map.of(
                                        ":approved", AttributeValue.fromS(CommissionStatus.APPROVED.name()),
                                        ":unpaid", AttributeValue.fromS(Keys.unpaid(entry.partnerId())),
                                        ":payout", AttributeValue.fromS(id.value())))
                                .build()),
                        Writes.update(Update.builder().tableName(table.tableName()).key(Keys.payout(id))
                                .updateExpression("ADD #amount :minus, #count :less SET updatedAt = :at")
                                .conditionExpression("#status = :open")
                                .expressionAttributeNames(Map.of("#amount", PayoutMapper.AMOUNT,
                                        "#count", PayoutMapper.COUNT, "#status", PayoutMapper.STATUS))
                                .expressionAttributeValues(Map.of(
                                        ":minus", AttributeValue.fromN(Long.toString(-entry.amount().minor())),
                                        ":less", AttributeValue.fromN("-1"),
                                        ":at", AttributeValue.fromS(at.toString()),
                                        ":open", AttributeValue.fromS(PayoutStatus.OPEN.name())))
                                .build()));
                Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> items);
                if (cancelled.isEmpty()) {
                    moved++;
                } else if (cancelled.get().conditionFailed(1)) {
                    return; // moved on or gone: not ours to undo
                } else if (!cancelled.get().conditionFailed(0)) {
                    throw cancelled.get().unexpected();
                } // else returned before (the index still lists it for a moment)
            }
            if (moved == 0) {
                if (pass >= RETURN_PASSES) {
                    throw new IllegalStateException("the index does not list the entries still out of " + id);
                }
                Backoff.pause(Math.min(pass + 1, 10)); // the index lags: up to ~200 ms a pass
            }
        }
    }

    @Override
    public List<Commission> entriesOf(PayoutId id) {
        List<Commission> entries = new ArrayList<>();
        queryGsi2(Keys.paidBy(id.value()), null, Integer.MAX_VALUE,
                item -> entries.add(CommissionMapper.fromItem(item)));
        return entries;
    }

    @Override
    public Optional<Payout> settle(PayoutId id, String reference, Instant at) {
        return move(id, PayoutStatus.READY, PayoutStatus.PAID, at, Map.of("reference", reference));
    }

    @Override
    public Optional<Payout> fail(PayoutId id, String reason, Instant at) {
        return move(id, PayoutStatus.READY, PayoutStatus.FAILED, at, Map.of("failureReason", reason));
    }

    /** Status {@code from} to {@code to}, setting {@code more}; empty when the payout was not at {@code from}. */
    private Optional<Payout> move(PayoutId id, PayoutStatus from, PayoutStatus to, Instant at,
                                  Map<String, String> more) {
        Map<String, String> names = new HashMap<>(Map.of("#status", PayoutMapper.STATUS));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":from", AttributeValue.fromS(from.name()),
                ":to", AttributeValue.fromS(to.name()), ":at", AttributeValue.fromS(at.toString())));
        StringBuilder update = new StringBuilder("SET #status = :to, updatedAt = :at");
        int i = 0;
        for (Map.Entry<String, String> field : more.entrySet()) {
            names.put("#m" + i, field.getKey());
            values.put(":m" + i, AttributeValue.fromS(field.getValue()));
            update.append(", #m").append(i).append(" = :m").append(i);
            i++;
        }
        try {
            var response = client.updateItem(r -> r.tableName(table.tableName()).key(Keys.payout(id))
                    .updateExpression(update.toString())
                    .conditionExpression("#status = :from")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(PayoutMapper.fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public void returnEntries(PayoutId id, Instant at) {
        for (int pass = 0; ; pass++) {
            List<Commission> listed = entriesOf(id);
            if (listed.isEmpty()) {
                break;
            }
            int moved = 0;
            for (Commission entry : listed) {
                try {
                    client.updateItem(r -> r.tableName(table.tableName())
                            .key(Keys.commission(entry.partnerId(), entry.id()))
                            .updateExpression("SET #status = :approved, #gsi2pk = :unpaid REMOVE payoutId")
                            .conditionExpression("payoutId = :payout")
                            .expressionAttributeNames(Map.of("#status", "status", "#gsi2pk", Keys.GSI2PK))
                            .expressionAttributeValues(Map.of(
                                    ":approved", AttributeValue.fromS(CommissionStatus.APPROVED.name()),
                                    ":unpaid", AttributeValue.fromS(Keys.unpaid(entry.partnerId())),
                                    ":payout", AttributeValue.fromS(id.value()))));
                    moved++;
                } catch (ConditionalCheckFailedException e) {
                    // moved before (the index still lists it for a moment)
                }
            }
            if (moved == 0) {
                if (pass >= RETURN_PASSES) {
                    throw new IllegalStateException("the index still lists entries of " + id + " already returned");
                }
                Backoff.pause(Math.min(pass + 1, 10)); // up to ~200 ms a pass, some seconds in all
            }
        }
        client.updateItem(r -> r.tableName(table.tableName()).key(Keys.payout(id))
                .updateExpression("SET #returned = :yes, updatedAt = :at")
                .conditionExpression("#status = :failed")
                .expressionAttributeNames(Map.of("#returned", "returned", "#status", PayoutMapper.STATUS))
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true),
                        ":at", AttributeValue.fromS(at.toString()),
                        ":failed", AttributeValue.fromS(PayoutStatus.FAILED.name()))));
    }

    @Override
    public Page<Payout> payoutsOf(PartnerId partnerId, PageRequest page) {
        return pages.newestFirst(KeyShape.TABLE, Keys.partnerPk(partnerId), Keys.PAYOUT_PREFIX, page,
                PayoutMapper::fromItem);
    }

    @Override
    public List<Payout> payoutsOf(PartnerId partnerId, YearMonth period) {
        List<Payout> payouts = new ArrayList<>();
        QueryResponse response = client.query(r -> r.tableName(table.tableName()).consistentRead(true)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :sk)")
                .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(Keys.partnerPk(partnerId)),
                        ":sk", AttributeValue.fromS(Keys.PAYOUT_PREFIX + period + "#"))));
        response.items().forEach(item -> payouts.add(PayoutMapper.fromItem(item)));
        return payouts;
    }

    @Override
    public Page<Payout> payoutsIn(YearMonth period, PageRequest page) {
        return pages.newestFirst(KeyShape.GSI1, Keys.payoutsIn(table.programId(), period), null, page,
                PayoutMapper::fromItem);
    }
}

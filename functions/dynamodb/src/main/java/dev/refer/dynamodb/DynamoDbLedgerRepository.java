package dev.refer.dynamodb;

import dev.refer.core.commission.Commission;
import dev.refer.core.conversion.Conversion;
import dev.refer.core.conversion.Customer;
import dev.refer.core.conversion.Order;
import dev.refer.core.lead.LeadStatus;
import dev.refer.core.page.Page;
import dev.refer.core.page.PageRequest;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.ports.LedgerRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversions, customers, orders and the commission ledger. A conversion and everything it causes (the customer,
 * the lead's conversion, the order or its refund totals, the ledger entry, the partner's counters) are one
 * transaction whose first item is create-only on the event id: a redelivered event writes nothing, and a concurrent
 * change to anything the caller read refuses the whole unit, which the caller re-plans.
 */
public final class DynamoDbLedgerRepository implements LedgerRepository {

    /** What each transaction item stands for, in the order its refusal is reported: the event id first. */
    private enum Part {
        CONVERSION(Outcome.DUPLICATE_EVENT),
        CUSTOMER(Outcome.CONFLICT),
        LEAD(Outcome.CONFLICT),
        NEW_ORDER(Outcome.ORDER_EXISTS),
        ORDER_REFUND(Outcome.CONFLICT),
        // a fresh random id that exists already: nothing written, a retry with new ids succeeds
        COMMISSION(Outcome.CONFLICT);

        final Outcome whenRefused;

        Part(Outcome whenRefused) {
            this.whenRefused = whenRefused;
        }
    }

    private final DynamoDbClient client;
    private final TableConfig table;
    private final Transactions transactions;
    private final QueryPages pages;

    public DynamoDbLedgerRepository(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
        this.transactions = new Transactions(client);
        this.pages = new QueryPages(client, table.tableName());
    }

    @Override
    public Outcome record(ConversionRecord record) {
        if (record.newOrder() != null && record.orderRefund() != null) {
            throw new IllegalArgumentException("a conversion either creates an order or refunds one, not both");
        }
        String tableName = table.tableName();
        List<TransactWriteItem> items = new ArrayList<>();
        List<Part> parts = new ArrayList<>();
        items.add(Writes.putNew(tableName, ConversionMapper.toItem(record.conversion(), table.programId())));
        parts.add(Part.CONVERSION);
        if (record.newCustomer() != null) {
            items.add(Writes.putNew(tableName, CustomerMapper.toItem(record.newCustomer(), table.programId())));
            parts.add(Part.CUSTOMER);
        }
        if (record.leadConversion() != null) {
            items.add(Writes.update(leadConverted(record.leadConversion(), record.conversion())));
            parts.add(Part.LEAD);
        }
        if (record.newOrder() != null) {
            items.add(Writes.putNew(tableName, OrderMapper.toItem(record.newOrder(), table.programId())));
            parts.add(Part.NEW_ORDER);
        }
        if (record.orderRefund() != null) {
            items.add(Writes.update(refundTotals(record.orderRefund())));
            parts.add(Part.ORDER_REFUND);
        }
        if (record.commission() != null) {
            items.add(Writes.putNew(tableName, CommissionMapper.toItem(record.commission(), table.programId())));
            parts.add(Part.COMMISSION);
        }
        items.addAll(new CounterUpdates(tableName).add(record.stats()).toTransactItems());

        Optional<Cancellation> cancelled = transactions.write(items);
        if (cancelled.isEmpty()) {
            return Outcome.RECORDED;
        }
        for (Part part : Part.values()) {
            if (cancelled.get().conditionFailed(parts.indexOf(part))) {
                return part.whenRefused;
            }
        }
        if (cancelled.get().conflict()) {
            return Outcome.CONFLICT;
        }
        throw cancelled.get().unexpected();
    }

    /** The referred lead becomes CONVERTED, only if it is still in the status the caller planned from. */
    private Update leadConverted(LeadConversion conversion, Conversion cause) {
        return Update.builder()
                .tableName(table.tableName())
                .key(Keys.lead(conversion.leadId()))
                .updateExpression("SET #status = :converted, #updatedAt = :at")
                .conditionExpression("#status = :expected")
                .expressionAttributeNames(Map.of("#status", LeadMapper.STATUS, "#updatedAt", LeadMapper.UPDATED_AT))
                .expressionAttributeValues(Map.of(
                        ":converted", AttributeValue.fromS(LeadStatus.CONVERTED.name()),
                        ":expected", AttributeValue.fromS(conversion.expected().name()),
                        ":at", AttributeValue.fromS(cause.recordedAt().toString())))
                .build();
    }

    /**
     * Compare-and-set of the order's running totals: applies only if no other refund moved them since the caller
     * read the order, so two concurrent partial refunds can never reverse the same share twice.
     */
    private Update refundTotals(OrderRefund refund) {
        Map<String, String> names = new HashMap<>(Map.of("#refunded", OrderMapper.REFUNDED));
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":refundedBefore", number(refund.refundedBefore().minor()));
        values.put(":refundedAfter", number(refund.refundedAfter().minor()));
        String condition = "#refunded = :refundedBefore";
        String update = "SET #refunded = :refundedAfter";
        names.put("#reversed", OrderMapper.REVERSED);
        if (refund.reversedBefore() == null) {
            condition += " AND attribute_not_exists(#reversed)";
        } else {
            values.put(":reversedBefore", number(refund.reversedBefore().minor()));
            condition += " AND #reversed = :reversedBefore";
        }
        if (refund.reversedAfter() != null) {
            values.put(":reversedAfter", number(refund.reversedAfter().minor()));
            update += ", #reversed = :reversedAfter";
            if (refund.reversedBefore() == null) {
                names.put("#commissionCurrency", OrderMapper.COMMISSION_CURRENCY);
                values.put(":commissionCurrency",
                        AttributeValue.fromS(refund.reversedAfter().currency().getCurrencyCode()));
                update += ", #commissionCurrency = :commissionCurrency";
            }
        }
        return Update.builder()
                .tableName(table.tableName())
                .key(Keys.order(table.programId(), refund.orderId()))
                .updateExpression(update)
                .conditionExpression(condition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    @Override
    public Optional<Conversion> findByEvent(String eventId) {
        return getConsistent(Keys.conversion(table.programId(), eventId)).map(ConversionMapper::fromItem);
    }

    @Override
    public Optional<Customer> findCustomer(String externalId) {
        return getConsistent(Keys.customer(table.programId(), externalId)).map(CustomerMapper::fromItem);
    }

    @Override
    public Optional<Order> findOrder(String orderId) {
        return getConsistent(Keys.order(table.programId(), orderId)).map(OrderMapper::fromItem);
    }

    @Override
    public Page<Conversion> conversionsOf(PartnerId partnerId, PageRequest page) {
        return pages.newestFirst(KeyShape.GSI1, Keys.conversionsOf(partnerId), null, page,
                ConversionMapper::fromItem);
    }

    @Override
    public Page<Commission> commissionsOf(PartnerId partnerId, PageRequest page) {
        return pages.newestFirst(KeyShape.TABLE, Keys.partnerPk(partnerId), Keys.COMMISSION_PREFIX, page,
                CommissionMapper::fromItem);
    }

    private Optional<Map<String, AttributeValue>> getConsistent(Map<String, AttributeValue> key) {
        GetItemResponse response = client.getItem(request -> request
                .tableName(table.tableName())
                .key(key)
                .consistentRead(true));
        return response.hasItem() ? Optional.of(response.item()) : Optional.empty();
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}

package dev.refer.dynamodb.stats;

import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.StatsDelta;
import dev.refer.core.stats.SubIdCount;
import dev.refer.dynamodb.Keys;
import dev.refer.table.ItemType;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counter changes written together: one {@code ADD} update per counter item. Changes that hit the same item are
 * merged first, because a transaction may not touch one item twice (a partner's events and statuses share
 * {@code STATS#ALL}).
 *
 * <p>Counter names contain dots ({@code revenue.EUR}), so every name goes through a placeholder. The update also
 * sets the item's type and owner, so a counter item is self-describing from its first increment on.
 */
final class CounterUpdates {

    record ItemKey(String pk, String sk) {
    }

    /**
     * The distinct sub-id values one link counts in one month ({@code parameter=value}, all parameters together):
     * further values are counted together under their parameter alone ({@code clicks|sub1}), so an item stays a few
     * KB whatever a visitor appends to a link.
     */
    static final int MAX_SUBID_VALUES = 100;
    /** The string set of a {@code SUBID_STATS} item naming the values it counts one by one. */
    static final String SUBID_VALUES = "values";

    private static final String REVENUE_PREFIX = "revenue.";

    private static final class Pending {
        final ItemType type;
        final Map<String, String> identity;
        final Map<String, Long> counters = new LinkedHashMap<>();

        Pending(ItemType type, Map<String, String> identity) {
            this.type = type;
            this.identity = identity;
        }
    }

    private final String tableName;
    private final dev.refer.core.program.ProgramId programId;
    private final Map<ItemKey, Pending> items = new LinkedHashMap<>();

    /**
     * @param programId names the month's revenue ranking a monthly item joins when its revenue changes (GSI3:
     *                  {@code PROGRAM#{pid}#REVENUE#{month}}, sort key {@code gsi3sk} = the month's revenue); null
     *                  keeps no ranking
     */
    CounterUpdates(String tableName, dev.refer.core.program.ProgramId programId) {
        this.tableName = tableName;
        this.programId = programId;
    }

    /** A partner's counter changes: events all-time and in the delta's month, statuses all-time only. */
    CounterUpdates add(StatsDelta delta) {
        if (delta != null) {
            partner(delta.partnerId(), null, delta.events());
            partner(delta.partnerId(), null, delta.statuses());
            partner(delta.partnerId(), delta.month(), delta.events());
        }
        return this;
    }

    /** {@code month} null means the all-time item. */
    CounterUpdates partner(PartnerId partnerId, YearMonth month, Map<String, Long> counters) {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("partnerId", partnerId.value());
        if (month != null) {
            identity.put("month", month.toString());
        }
        return add(new ItemKey(Keys.partnerPk(partnerId), month == null ? Keys.STATS_ALL : Keys.statsMonth(month)),
                ItemType.PARTNER_STATS, identity, counters);
    }

    /** One count of the funnel per sub-id: counter {@code {metric}|{parameter}={value}} of its link's month item. */
    CounterUpdates subId(SubIdCount count) {
        Map<String, String> identity = new LinkedHashMap<>();
        identity.put("partnerId", count.partnerId().value());
        identity.put("month", count.month().toString());
        identity.put("code", count.code());
        Map<String, AttributeValue> key = Keys.subIdStats(count.partnerId(), count.month(), count.code());
        return add(new ItemKey(key.get(Keys.PK).s(), key.get(Keys.SK).s()), ItemType.SUBID_STATS, identity,
                Map.of(count.metric() + "|" + count.parameter() + "=" + count.value(), count.delta()));
    }

    /** The sub-id items these updates touch: their admitted values are read before writing. */
    List<ItemKey> subIdItems() {
        List<ItemKey> keys = new ArrayList<>();
        items.forEach((key, pending) -> {
            if (pending.type == ItemType.SUBID_STATS) {
                keys.add(key);
            }
        });
        return keys;
    }

    /**
     * Whether {@code more} can be merged in while the updates touch at most {@code maxItems} items of at most
     * {@code maxCounters} counters each; computed without merging, in the size of {@code more}.
     */
    boolean fits(CounterUpdates more, int maxItems, int maxCounters) {
        int itemCount = items.size();
        for (Map.Entry<ItemKey, Pending> entry : more.items.entrySet()) {
            Pending mine = items.get(entry.getKey());
            if (mine == null) {
                itemCount++;
                if (entry.getValue().counters.size() > maxCounters) {
                    return false;
                }
                continue;
            }
            long added = entry.getValue().counters.keySet().stream().filter(n -> !mine.counters.containsKey(n)).count();
            if (mine.counters.size() + added > maxCounters) {
                return false;
            }
        }
        return itemCount <= maxItems;
    }

    /** Merges {@code more} in. */
    CounterUpdates absorb(CounterUpdates more) {
        more.items.forEach((key, pending) -> add(key, pending.type, pending.identity, pending.counters));
        return this;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    private CounterUpdates add(ItemKey key, ItemType type, Map<String, String> identity, Map<String, Long> counters) {
        Pending pending = items.computeIfAbsent(key, k -> new Pending(type, identity));
        counters.forEach((name, delta) -> pending.counters.merge(name, delta, Long::sum));
        return this;
    }

    /** One update per touched item; items whose changes add up to nothing are left alone. No sub-id items. */
    List<TransactWriteItem> toTransactItems() {
        return toTransactItems(Map.of(), new ArrayList<>());
    }

    /**
     * One update per touched item. A sub-id item's values are bounded by what was read of it ({@code admitted}: its
     * {@value #SUBID_VALUES} set, absent for an item not stored yet): a value it counts already is added to, a new one
     * is admitted while the item counts fewer than {@value #MAX_SUBID_VALUES}, the rest go to their parameter's
     * shared counter. An update that admits values is conditional on the set being as read; its index in the
     * returned list goes into {@code guarded}, so a refused transaction can tell that another chunk got there first.
     */
    List<TransactWriteItem> toTransactItems(Map<ItemKey, java.util.Set<String>> admitted, List<Integer> guarded) {
        List<TransactWriteItem> updates = new ArrayList<>();
        items.forEach((key, pending) -> {
            Map<String, Long> nonZero = new LinkedHashMap<>();
            pending.counters.forEach((name, delta) -> {
                if (delta != 0) {
                    nonZero.put(name, delta);
                }
            });
            if (nonZero.isEmpty()) {
                return;
            }
            if (pending.type != ItemType.SUBID_STATS) {
                updates.add(TransactWriteItem.builder().update(update(key, pending, nonZero, null, null)).build());
                return;
            }
            java.util.Set<String> known = admitted.get(key);
            java.util.Set<String> added = new java.util.LinkedHashSet<>();
            Map<String, Long> bounded = new LinkedHashMap<>();
            int counted = known == null ? 0 : known.size();
            for (Map.Entry<String, Long> counter : nonZero.entrySet()) {
                String name = counter.getKey();
                String value = name.substring(name.indexOf('|') + 1);
                if ((known != null && known.contains(value)) || added.contains(value)) {
                    bounded.merge(name, counter.getValue(), Long::sum);
                } else if (counted + added.size() < MAX_SUBID_VALUES) {
                    added.add(value);
                    bounded.merge(name, counter.getValue(), Long::sum);
                } else {
                    bounded.merge(name.substring(0, name.indexOf('=')), counter.getValue(), Long::sum);
                }
            }
            if (!added.isEmpty()) {
                guarded.add(updates.size());
            }
            updates.add(TransactWriteItem.builder()
                    .update(update(key, pending, bounded, added.isEmpty() ? null : added, known)).build());
        });
        return updates;
    }

    private Update update(ItemKey key, Pending pending, Map<String, Long> counters, java.util.Set<String> addValues,
                          java.util.Set<String> known) {
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        List<String> sets = new ArrayList<>();
        names.put("#type", Keys.TYPE);
        values.put(":type", AttributeValue.fromS(pending.type.name()));
        sets.add("#type = :type");
        int i = 0;
        for (Map.Entry<String, String> attribute : pending.identity.entrySet()) {
            names.put("#i" + i, attribute.getKey());
            values.put(":i" + i, AttributeValue.fromS(attribute.getValue()));
            sets.add("#i" + i + " = :i" + i);
            i++;
        }
        List<String> adds = new ArrayList<>();
        int c = 0;
        long revenue = 0;
        boolean revenueChanged = false;
        for (Map.Entry<String, Long> counter : counters.entrySet()) {
            names.put("#c" + c, counter.getKey());
            values.put(":c" + c, AttributeValue.fromN(Long.toString(counter.getValue())));
            adds.add("#c" + c + " :c" + c);
            c++;
            if (counter.getKey().startsWith(REVENUE_PREFIX)) {
                revenue += counter.getValue();
                revenueChanged = true;
            }
        }
        String month = pending.identity.get("month");
        if (programId != null && month != null && revenueChanged) {
            // the month's revenue ranking: one currency per program, so the sum is the program currency's
            names.put("#rpk", Keys.GSI3PK);
            names.put("#rsk", Keys.GSI3SK);
            values.put(":rpk", AttributeValue.fromS(Keys.revenueRanking(programId, java.time.YearMonth.parse(month))));
            values.put(":rsk", AttributeValue.fromN(Long.toString(revenue)));
            sets.add("#rpk = :rpk");
            adds.add("#rsk :rsk");
        }
        Update.Builder update = Update.builder().tableName(tableName).key(Keys.key(key.pk(), key.sk()));
        if (addValues != null) {
            names.put("#values", SUBID_VALUES);
            values.put(":values", AttributeValue.fromSs(List.copyOf(addValues)));
            adds.add("#values :values");
            if (known == null || known.isEmpty()) {
                update.conditionExpression("attribute_not_exists(#values)");
            } else {
                values.put(":known", AttributeValue.fromN(Integer.toString(known.size())));
                update.conditionExpression("size(#values) = :known");
            }
        }
        return update
                .updateExpression("SET " + String.join(", ", sets) + " ADD " + String.join(", ", adds))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }
}

package dev.refer.dynamodb;

import dev.refer.core.ledger.Commission;
import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.ledger.CommissionMapper;
import dev.refer.dynamodb.link.LinkMapper;
import dev.refer.dynamodb.partner.PartnerMapper;
import dev.refer.dynamodb.payout.DynamoDbPayeeIndex;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * Items exactly as the adapters write them, for loading a table in bulk (BatchWriteItem): the benchmark seeds a
 * program with 100,000 partners and a million ledger entries this way. Benchmark-only, so it lives in the benchmarks
 * module, not in the adapters' production jar; it sits in the adapters' package to reach their package-private
 * mappers, so the seeded items cannot drift from what the adapters write.
 */
public final class SeedItems {

    private SeedItems() {
    }

    public static Map<String, AttributeValue> partner(Partner partner, TableConfig table) {
        return PartnerMapper.toItem(partner, table.programId());
    }

    public static Map<String, AttributeValue> link(dev.refer.core.link.Link link) {
        return LinkMapper.toItem(link);
    }

    public static Map<String, AttributeValue> commission(Commission entry) {
        return CommissionMapper.toItem(entry);
    }

    /** The payee marker the stream projection writes when a partner has an unpaid entry. */
    public static Map<String, AttributeValue> payee(Partner partner, TableConfig table, Instant at) {
        return DynamoDbPayeeIndex.marker(table, partner.id(), at);
    }
}

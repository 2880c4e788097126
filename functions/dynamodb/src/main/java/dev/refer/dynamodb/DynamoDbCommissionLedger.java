package dev.refer.dynamodb;

import dev.refer.core.ledger.Commission;
import dev.refer.core.ledger.CommissionLedger;
import dev.refer.core.page.Page;
import dev.refer.core.page.PageRequest;
import dev.refer.core.partner.PartnerId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The commission ledger: {@code PARTNER#{partnerId}} / {@code COMMISSION#{commissionId}} entries beside their partner,
 * so a partner's ledger is one Query; unpaid entries also sit in GSI2 {@code UNPAID#{partnerId}} by payable date.
 * Entries are written by the transactions of the events that cause them.
 */
public final class DynamoDbCommissionLedger implements CommissionLedger {

    private final QueryPages pages;

    public DynamoDbCommissionLedger(DynamoDbClient client, TableConfig table) {
        this.pages = new QueryPages(client, table.tableName());
    }

    @Override
    public Page<Commission> commissionsOf(PartnerId partnerId, PageRequest page) {
        return pages.newestFirst(KeyShape.TABLE, Keys.partnerPk(partnerId), Keys.COMMISSION_PREFIX, page,
                CommissionMapper::fromItem);
    }
}

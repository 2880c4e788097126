package dev.refer.dynamodb.terms;

import dev.refer.core.basics.page.Page;
import dev.refer.core.basics.page.PageRequest;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.terms.Acceptance;
import dev.refer.core.terms.Terms;
import dev.refer.core.terms.TermsBook;
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
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The program's terms (docs/data-model.md, "Terms"): each version {@code TERMS#{pid}#{version}} / {@code TERMS}
 * (its key makes a version unique; listed newest first in GSI1 {@code PROGRAM#{pid}#TERMS}), a copy of the current
 * one beside the program ({@code PROGRAM#{pid}} / {@code TERMS}: the gate's one GetItem), and each acceptance beside
 * its partner ({@code PARTNER#{id}} / {@code TERMS#{version}}: one per partner and version by a conditional put;
 * listed newest first in GSI1 {@code PARTNER#{id}#TERMS}).
 */
public final class DynamoDbTermsBook implements TermsBook {

    private final DynamoDbClient client;
    private final TableConfig table;
    private final Transactions transactions;
    private final QueryPages pages;

    public DynamoDbTermsBook(DynamoDbClient client, TableConfig table) {
        this.client = client;
        this.table = table;
        this.transactions = new Transactions(client);
        this.pages = new QueryPages(client, table.tableName());
    }

    @Override
    public boolean publish(Terms terms) {
        Map<String, AttributeValue> version = terms(ItemBuilder.item(
                Keys.termsVersion(table.programId(), terms.version()), ItemType.TERMS), terms)
                .gsi1(Keys.termsOf(table.programId()), Keys.termsOrder(terms.publishedAt(), terms.version())).build();
        Map<String, AttributeValue> current = terms(ItemBuilder.item(Keys.currentTerms(table.programId()),
                ItemType.TERMS_CURRENT), terms).build();
        Optional<Cancellation> cancelled = transactions.writeRetryingConflicts(() -> List.of(
                Writes.putNew(table.tableName(), version),
                TransactWriteItem.builder().put(Put.builder().tableName(table.tableName()).item(current).build())
                        .build()));
        if (cancelled.isEmpty()) {
            return true;
        }
        if (cancelled.get().conditionFailed(0)) {
            return false;
        }
        throw cancelled.get().unexpected();
    }

    @Override
    public Optional<Terms> current() {
        return get(Keys.currentTerms(table.programId())).map(DynamoDbTermsBook::termsOf);
    }

    @Override
    public Optional<Terms> find(String version) {
        return get(Keys.termsVersion(table.programId(), version)).map(DynamoDbTermsBook::termsOf);
    }

    @Override
    public Page<Terms> history(PageRequest page) {
        return pages.newestFirst(KeyShape.GSI1, Keys.termsOf(table.programId()), null, page,
                DynamoDbTermsBook::termsOf);
    }

    @Override
    public boolean accept(Acceptance acceptance) {
        try {
            client.putItem(r -> r.tableName(table.tableName()).conditionExpression(Writes.KEY_IS_FREE)
                    .item(ItemBuilder.item(Keys.termsAcceptance(acceptance.partnerId(), acceptance.version()),
                                    ItemType.TERMS_ACCEPTANCE)
                            .s("partnerId", acceptance.partnerId().value()).s("version", acceptance.version())
                            .instant("acceptedAt", acceptance.acceptedAt()).s("ip", acceptance.ip())
                            .s("userAgent", acceptance.userAgent())
                            .gsi1(Keys.acceptancesOf(acceptance.partnerId()),
                                    Keys.termsOrder(acceptance.acceptedAt(), acceptance.version()))
                            .build()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<Acceptance> acceptance(PartnerId partnerId, String version) {
        return get(Keys.termsAcceptance(partnerId, version)).map(DynamoDbTermsBook::acceptanceOf);
    }

    @Override
    public Page<Acceptance> acceptances(PartnerId partnerId, PageRequest page) {
        return pages.newestFirst(KeyShape.GSI1, Keys.acceptancesOf(partnerId), null, page,
                DynamoDbTermsBook::acceptanceOf);
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        GetItemResponse response = client.getItem(r -> r.tableName(table.tableName()).key(key).consistentRead(true));
        return response.hasItem() ? Optional.of(response.item()) : Optional.empty();
    }

    private static ItemBuilder terms(ItemBuilder item, Terms terms) {
        return item.s("version", terms.version()).s("text", terms.text()).instant("publishedAt", terms.publishedAt());
    }

    private static Terms termsOf(Map<String, AttributeValue> item) {
        return new Terms(Attributes.string(item, "version"), Attributes.string(item, "text"),
                Attributes.instant(item, "publishedAt"));
    }

    private static Acceptance acceptanceOf(Map<String, AttributeValue> item) {
        return new Acceptance(new PartnerId(Attributes.string(item, "partnerId")), Attributes.string(item, "version"),
                Attributes.instant(item, "acceptedAt"), Attributes.optionalString(item, "ip"),
                Attributes.optionalString(item, "userAgent"));
    }
}

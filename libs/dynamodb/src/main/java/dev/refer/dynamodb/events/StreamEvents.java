package dev.refer.dynamodb.events;

import dev.refer.core.events.DomainEvent;
import dev.refer.core.events.DomainEvents;
import dev.refer.dynamodb.application.DynamoDbApplicationBook;
import dev.refer.dynamodb.lead.LeadMapper;
import dev.refer.dynamodb.ledger.CommissionMapper;
import dev.refer.dynamodb.payout.PayoutMapper;
import dev.refer.table.TableKeys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * The one reader of the table's stream for the domain: a record (NEW_AND_OLD_IMAGES) becomes the domain events it
 * carries ({@link DomainEvent}: a lead captured, attributed or reviewed, a commission earned or reversed, a payout
 * paid), its items read with the mappers that wrote them and the meaning of the change decided by the core's
 * {@link DomainEvents}. Subscribers (the partner notifications, next the outbound webhooks) take these events and
 * never read a stream record themselves.
 *
 * <p>The counters' projection ({@code StreamChanges}) keeps its own reading of records: it counts, it does not
 * classify. Its arithmetic needs every change of the counted items as a before and after (a click inserted, an order's
 * revenue, a lead moving between statuses, each with the record's sequence number to mark its place in a bisected
 * batch), including changes that are nobody's news (an organic lead, an order), so it reads images, not events.
 */
public final class StreamEvents {

    private StreamEvents() {
    }

    /**
     * @param eventName INSERT, MODIFY or REMOVE
     * @return the record's events, none for a removal or an item type no event is about
     */
    public static List<DomainEvent> of(String eventName, Map<String, AttributeValue> oldImage,
                                       Map<String, AttributeValue> newImage) {
        if ("REMOVE".equals(eventName) || newImage == null || newImage.isEmpty()) {
            return List.of();
        }
        AttributeValue type = newImage.get(TableKeys.TYPE);
        if (type == null || type.s() == null) {
            return List.of();
        }
        boolean insert = "INSERT".equals(eventName) || oldImage == null || oldImage.isEmpty();
        return switch (type.s()) {
            case "LEAD" -> DomainEvents.ofLead(insert ? null : LeadMapper.fromItem(oldImage),
                    LeadMapper.fromItem(newImage));
            case "COMMISSION" -> DomainEvents.ofCommission(insert ? null : CommissionMapper.fromItem(oldImage),
                    CommissionMapper.fromItem(newImage));
            case "PAYOUT" -> DomainEvents.ofPayout(insert ? null : PayoutMapper.fromItem(oldImage),
                    PayoutMapper.fromItem(newImage));
            case "APPLICATION" -> dev.refer.core.application.ApplicationEvents.of(
                    insert ? null : DynamoDbApplicationBook.fromItem(oldImage), DynamoDbApplicationBook.fromItem(newImage));
            default -> List.of();
        };
    }
}

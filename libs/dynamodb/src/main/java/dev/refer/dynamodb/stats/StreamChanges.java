package dev.refer.dynamodb.stats;

import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.stats.ProjectCounters;
import dev.refer.dynamodb.Attributes;
import dev.refer.dynamodb.Keys;
import dev.refer.dynamodb.conversion.ConversionMapper;
import dev.refer.dynamodb.conversion.OrderMapper;
import dev.refer.dynamodb.lead.LeadMapper;
import dev.refer.dynamodb.link.ClickMapper;
import dev.refer.dynamodb.ledger.CommissionMapper;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.Map;

/**
 * What a record of the table's stream (NEW_AND_OLD_IMAGES) means to the counters' projection, read with the same
 * mappers that wrote the items: an inserted click or conversion, or a lead, order or ledger entry stored or changed.
 * Anything else (other item types, removals) counts nothing.
 *
 * <p>Not a second classifier of domain events ({@link dev.refer.dynamodb.events.StreamEvents} is the one reader for
 * the domain): the counters count, they decide nothing about what happened. Their arithmetic needs every change of a
 * counted item as a before and after with the record's sequence number (a click inserted, an order's revenue, a
 * lead moving between statuses, an organic lead too), where domain events carry only what is news to a subscriber.
 */
public final class StreamChanges {

    private StreamChanges() {
    }

    /**
     * @param eventName INSERT, MODIFY or REMOVE
     * @return the change, or null when the record counts nothing
     */
    public static ProjectCounters.Change of(String eventName, String sequenceNumber,
                                            Map<String, AttributeValue> oldImage,
                                            Map<String, AttributeValue> newImage) {
        if ("REMOVE".equals(eventName) || newImage == null || newImage.isEmpty()) {
            return null;
        }
        AttributeValue type = newImage.get(Keys.TYPE);
        if (type == null || type.s() == null) {
            return null;
        }
        boolean insert = "INSERT".equals(eventName) || oldImage == null || oldImage.isEmpty();
        return switch (type.s()) {
            case "CLICK" -> insert ? click(sequenceNumber, newImage) : null;
            case "LEAD" -> new ProjectCounters.LeadChanged(sequenceNumber,
                    insert ? null : LeadMapper.fromItem(oldImage), LeadMapper.fromItem(newImage));
            case "ORDER" -> new ProjectCounters.OrderChanged(sequenceNumber,
                    insert ? null : OrderMapper.fromItem(oldImage), OrderMapper.fromItem(newImage));
            case "COMMISSION" -> new ProjectCounters.CommissionChanged(sequenceNumber,
                    insert ? null : CommissionMapper.fromItem(oldImage), CommissionMapper.fromItem(newImage));
            case "CONVERSION" -> insert
                    ? new ProjectCounters.ConversionAdded(sequenceNumber, ConversionMapper.fromItem(newImage)) : null;
            default -> null;
        };
    }

    /** The click counter reads a click's partner, code, time and recorded sub-ids from its image. */
    private static ProjectCounters.Change click(String sequenceNumber, Map<String, AttributeValue> image) {
        String partnerId = Attributes.optionalString(image, "partnerId");
        String code = Attributes.optionalString(image, "code");
        String at = Attributes.optionalString(image, "at");
        if (!Ulid.isValid(partnerId) || code == null || at == null) {
            return null;
        }
        return new ProjectCounters.ClickAdded(sequenceNumber, new PartnerId(partnerId), code, Instant.parse(at),
                ClickMapper.subIdsOf(Attributes.optionalMap(image, "subIds")));
    }
}

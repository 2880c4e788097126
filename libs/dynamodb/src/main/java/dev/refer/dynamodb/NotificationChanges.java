package dev.refer.dynamodb;

import dev.refer.core.comms.Notification;
import dev.refer.core.comms.Notify;
import dev.refer.core.lead.Lead;
import dev.refer.core.lead.LeadStatus;
import dev.refer.dynamodb.lead.LeadMapper;
import dev.refer.dynamodb.ledger.CommissionMapper;
import dev.refer.dynamodb.payout.PayoutMapper;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

/**
 * What a record of the table's stream tells a partner ({@link Notify}): a lead stored or changed, a ledger entry
 * written, a payout marked paid; read with the mappers that wrote the items.
 */
public final class NotificationChanges {

    /** @param newLead a lead that was just stored with a partner (sales hear of it), else null */
    public record Changes(List<Notification> notifications, Lead newLead) {
    }

    private NotificationChanges() {
    }

    public static Changes of(String eventName, Map<String, AttributeValue> oldImage,
                             Map<String, AttributeValue> newImage) {
        if ("REMOVE".equals(eventName) || newImage == null || newImage.isEmpty()) {
            return new Changes(List.of(), null);
        }
        AttributeValue type = newImage.get(Keys.TYPE);
        boolean insert = "INSERT".equals(eventName) || oldImage == null || oldImage.isEmpty();
        if (type == null || type.s() == null) {
            return new Changes(List.of(), null);
        }
        return switch (type.s()) {
            case "LEAD" -> {
                Lead after = LeadMapper.fromItem(newImage);
                Lead before = insert ? null : LeadMapper.fromItem(oldImage);
                boolean fresh = insert && after.attribution() != null && after.status() == LeadStatus.NEW;
                yield new Changes(Notify.of(before, after), fresh ? after : null);
            }
            case "COMMISSION" -> new Changes(Notify.of(insert ? null : CommissionMapper.fromItem(oldImage),
                    CommissionMapper.fromItem(newImage)), null);
            case "PAYOUT" -> new Changes(Notify.of(insert ? null : PayoutMapper.fromItem(oldImage),
                    PayoutMapper.fromItem(newImage)), null);
            default -> new Changes(List.of(), null);
        };
    }
}

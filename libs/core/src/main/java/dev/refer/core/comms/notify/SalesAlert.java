package dev.refer.core.comms.notify;

import dev.refer.core.partner.PartnerId;

import java.time.Instant;

/** What sales hear of a new lead a partner brought (what the stream carries to the mail queue). */
public record SalesAlert(String leadId, String name, String email, String company, PartnerId partnerId,
                         Instant createdAt) {
}

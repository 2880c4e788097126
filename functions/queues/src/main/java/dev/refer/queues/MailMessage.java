package dev.refer.queues;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One message of the mail queue: {@code write} one partner's email of a campaign, {@code step} (plan the page at
 * {@code cursor}), {@code finish} (what follows planning), or {@code preview} (a broadcast's preview).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MailMessage(String type, String campaign, String cursor, String partnerId, String broadcastId) {

    public static final String WRITE = "write";
    public static final String STEP = "step";
    public static final String FINISH = "finish";
    public static final String PREVIEW = "preview";
}

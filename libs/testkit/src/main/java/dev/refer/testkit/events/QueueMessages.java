package dev.refer.testkit.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The queues' messages in their wire form (the flat JSON of libs/sqs-messages' {@code PayoutMessage} and
 * {@code MailMessage}), one fixture per variant, and the SQS event Lambda delivers for a batch of them (each record
 * received {@code receiveCount} times, from the template's queue). Kept as text so a test feeds a worker what the
 * queue carries; the kit's own test reads each back into its sealed variant.
 */
public final class QueueMessages {

    public static final String PAYOUT_QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:refer-PayoutQueue";
    public static final String MAIL_QUEUE_ARN = "arn:aws:sqs:us-east-1:123456789012:refer-MailQueue";
    private static final ObjectMapper JSON = new ObjectMapper();

    private QueueMessages() {
    }

    /** PayoutMessage.Pay: pay one partner what was due at the period's cutoff. */
    public static String pay(YearMonth period, String partnerId) {
        return "{\"type\":\"pay\",\"period\":\"" + period + "\",\"periodStart\":\"" + period.atDay(1)
                + "T00:00:00Z\",\"cutoff\":\"" + period.plusMonths(1).atDay(1) + "T00:00:00Z\",\"partnerId\":\""
                + partnerId + "\"}";
    }

    /** PayoutMessage.Plan: page one shard of the payee index into Pay messages. */
    public static String plan(YearMonth period, int shard) {
        return "{\"type\":\"plan\",\"period\":\"" + period + "\",\"shard\":" + shard + "}";
    }

    /** PayoutMessage.Summarize: the run's summary to the program manager. */
    public static String summarize(YearMonth period) {
        return "{\"type\":\"summarize\",\"period\":\"" + period + "\"}";
    }

    /** MailMessage.Write: one partner's email of a campaign ({@code checkin#2026-10}, {@code broadcast#<id>}, ...). */
    public static String write(String campaign, String partnerId) {
        return "{\"type\":\"write\",\"campaign\":\"" + campaign + "\",\"partnerId\":\"" + partnerId + "\"}";
    }

    /** MailMessage.Step: the next page of a campaign's audience after {@code cursor}. */
    public static String step(String campaign, String cursor, String stepId) {
        return "{\"type\":\"step\",\"campaign\":\"" + campaign + "\",\"cursor\":\"" + cursor + "\",\"stepId\":\""
                + stepId + "\"}";
    }

    /** MailMessage.Finish: close a campaign's run. */
    public static String finish(String campaign) {
        return "{\"type\":\"finish\",\"campaign\":\"" + campaign + "\"}";
    }

    /** MailMessage.Preview: a broadcast's preview to the program manager. */
    public static String preview(String broadcastId) {
        return "{\"type\":\"preview\",\"broadcastId\":\"" + broadcastId + "\"}";
    }

    /** MailMessage.NotifyPartner: a commission earned, for the partner's commissions topic. */
    public static String notifyPartner(String key, String partnerId, String at, long amountMinor, String currency) {
        return "{\"type\":\"notify\",\"notification\":{\"key\":\"" + key + "\",\"partnerId\":\"" + partnerId
                + "\",\"topic\":\"commissions\",\"what\":\"COMMISSION_EARNED\",\"at\":\"" + at
                + "\",\"about\":\"order 42\",\"amountMinor\":" + amountMinor + ",\"currency\":\"" + currency + "\"}}";
    }

    /** MailMessage.AlertSales: a new lead for the sales team. */
    public static String alertSales(String leadId, String email, String partnerId, String createdAt) {
        return "{\"type\":\"lead-alert\",\"alert\":{\"leadId\":\"" + leadId + "\",\"name\":\"Ada\",\"email\":\""
                + email + "\",\"company\":\"Analytical\",\"partnerId\":\"" + partnerId + "\",\"createdAt\":\""
                + createdAt + "\"}}";
    }

    /** The SQS event Lambda delivers for {@code bodies}, each received once, from {@code queueArn}. */
    public static byte[] sqsEvent(String queueArn, List<String> bodies) {
        return sqsEvent(queueArn, 1, bodies);
    }

    /** The SQS event for {@code bodies}, each received {@code receiveCount} times (a redelivery when above 1). */
    public static byte[] sqsEvent(String queueArn, int receiveCount, List<String> bodies) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (String body : bodies) {
            ObjectNode record = records.addObject();
            record.put("messageId", UUID.randomUUID().toString()).put("receiptHandle", "AQEB" + UUID.randomUUID())
                    .put("body", body);
            record.putObject("attributes").put("ApproximateReceiveCount", Integer.toString(receiveCount))
                    .put("SentTimestamp", "1796083200000").put("SenderId", "AIDAIENQZJOLO23YVJ4VO")
                    .put("ApproximateFirstReceiveTimestamp", "1796083200010");
            record.putObject("messageAttributes");
            record.put("md5OfBody", "e4e68fb7bd0e697a0ae8f1bb342846b3").put("eventSource", "aws:sqs")
                    .put("eventSourceARN", queueArn).put("awsRegion", "us-east-1");
        }
        try {
            return JSON.writeValueAsBytes(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.refer.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One standard queue with SQS's delivery rules: a received message is hidden for the visibility timeout and comes
 * back unless deleted with its latest receipt handle; each receive counts, and a message received
 * {@code maxReceiveCount} times moves to the dead-letter queue on the next receive (the redrive policy); delayed
 * messages wait; messages older than the retention period are dropped; a receive waits up to its wait time for a
 * message to arrive. Every operation takes time independent of the queue's depth (a deque of visible messages, a heap
 * of hidden ones by the time they show again).
 */
final class SqsQueue {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SIZE = 262_144;
    private static final Set<String> SETTABLE = Set.of("VisibilityTimeout", "MessageRetentionPeriod", "DelaySeconds",
            "ReceiveMessageWaitTimeSeconds", "MaximumMessageSize", "RedrivePolicy", "Policy", "SqsManagedSseEnabled",
            "KmsMasterKeyId", "KmsDataKeyReusePeriodSeconds", "RedriveAllowPolicy");

    private static final class Message {
        final String id;
        final String body;
        final String md5;
        final JsonNode attributes;
        final long sentAt;
        long firstReceivedAt;
        int receives;
        long handleSeq;
        long hiddenSeq;
        State state;

        Message(String id, String body, JsonNode attributes, long sentAt) {
            this.id = id;
            this.body = body;
            this.md5 = md5(body.getBytes(StandardCharsets.UTF_8));
            this.attributes = attributes;
            this.sentAt = sentAt;
        }
    }

    private enum State { READY, DELAYED, IN_FLIGHT, GONE }

    private record Hidden(long until, long seq, Message message) {
    }

    private final String name;
    private final String url;
    private final String arn;
    private final long createdAt = System.currentTimeMillis();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Message> ready = new ArrayDeque<>();
    private final PriorityQueue<Hidden> hidden = new PriorityQueue<>((a, b) -> Long.compare(a.until, b.until));
    private final Map<String, Message> live = new HashMap<>();
    private final Map<String, String> settings = new TreeMap<>();
    private long lastModifiedAt = createdAt;
    private long hiddenSeq;
    private int visibleCount;
    private int inFlightCount;
    private int delayedCount;

    SqsQueue(String name, String url, String arn) {
        this.name = name;
        this.url = url;
        this.arn = arn;
        settings.put("VisibilityTimeout", "30");
        settings.put("MessageRetentionPeriod", "345600");
        settings.put("DelaySeconds", "0");
        settings.put("ReceiveMessageWaitTimeSeconds", "0");
        settings.put("MaximumMessageSize", Integer.toString(MAX_SIZE));
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    String arn() {
        return arn;
    }

    // ---- attributes ---------------------------------------------------------------------------------------------

    void set(Map<String, String> attributes, Function<String, SqsQueue> byArn) {
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String value = attribute.getValue();
            switch (attribute.getKey()) {
                case "VisibilityTimeout" -> range(attribute.getKey(), value, 0, 43_200);
                case "MessageRetentionPeriod" -> range(attribute.getKey(), value, 60, 1_209_600);
                case "DelaySeconds" -> range(attribute.getKey(), value, 0, 900);
                case "ReceiveMessageWaitTimeSeconds" -> range(attribute.getKey(), value, 0, 20);
                case "MaximumMessageSize" -> range(attribute.getKey(), value, 1_024, MAX_SIZE);
                case "RedrivePolicy" -> value = redrive(value, byArn);
                default -> {
                    if (!SETTABLE.contains(attribute.getKey())) {
                        throw SqsError.client("InvalidAttributeName", "InvalidAttributeName",
                                "Unknown Attribute " + attribute.getKey() + ".");
                    }
                }
            }
            attribute.setValue(value);
        }
        lock.lock();
        try {
            settings.putAll(attributes);
            lastModifiedAt = System.currentTimeMillis();
        } finally {
            lock.unlock();
        }
    }

    boolean sameSettings(Map<String, String> attributes) {
        lock.lock();
        try {
            return attributes.entrySet().stream().allMatch(a -> a.getKey().equals("RedrivePolicy")
                    ? readTree(a.getValue()).equals(readTree(settings.get("RedrivePolicy")))
                    : a.getValue().equals(settings.get(a.getKey())));
        } finally {
            lock.unlock();
        }
    }

    Map<String, String> attributes(List<String> names) {
        lock.lock();
        try {
            promote(System.currentTimeMillis());
            Map<String, String> all = new LinkedHashMap<>();
            all.put("QueueArn", arn);
            all.put("ApproximateNumberOfMessages", Integer.toString(visibleCount));
            all.put("ApproximateNumberOfMessagesNotVisible", Integer.toString(inFlightCount));
            all.put("ApproximateNumberOfMessagesDelayed", Integer.toString(delayedCount));
            all.put("CreatedTimestamp", Long.toString(createdAt / 1000));
            all.put("LastModifiedTimestamp", Long.toString(lastModifiedAt / 1000));
            all.putAll(settings);
            if (names.isEmpty()) {
                return Map.of();
            }
            if (names.contains("All")) {
                return all;
            }
            Map<String, String> chosen = new LinkedHashMap<>();
            for (String attribute : names) {
                if (!all.containsKey(attribute) && !SETTABLE.contains(attribute)) {
                    throw SqsError.client("InvalidAttributeName", "InvalidAttributeName",
                            "Unknown Attribute " + attribute + ".");
                }
                if (all.containsKey(attribute)) {
                    chosen.put(attribute, all.get(attribute));
                }
            }
            return chosen;
        } finally {
            lock.unlock();
        }
    }

    private static void range(String attribute, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return;
            }
        } catch (NumberFormatException e) {
            // falls through to the error
        }
        throw SqsError.invalidParameter("Invalid value for the parameter " + attribute + ": " + value
                + " (from " + min + " to " + max + ")");
    }

    private static String redrive(String value, Function<String, SqsQueue> byArn) {
        JsonNode policy = readTree(value);
        String target = policy.path("deadLetterTargetArn").asText("");
        int maxReceiveCount = policy.path("maxReceiveCount").asInt(0);
        if (byArn.apply(target) == null) {
            throw SqsError.invalidParameter("Value " + value + " for parameter RedrivePolicy is invalid. Reason:"
                    + " Dead letter target does not exist.");
        }
        if (maxReceiveCount < 1 || maxReceiveCount > 1000) {
            throw SqsError.invalidParameter("Value " + value + " for parameter RedrivePolicy is invalid. Reason:"
                    + " Invalid value for maxReceiveCount: " + policy.path("maxReceiveCount") + ", valid values are"
                    + " from 1 to 1000 both inclusive.");
        }
        return "{\"deadLetterTargetArn\":\"" + target + "\",\"maxReceiveCount\":" + maxReceiveCount + "}";
    }

    private static JsonNode readTree(String json) {
        try {
            return json == null ? JSON.nullNode() : JSON.readTree(json);
        } catch (Exception e) {
            throw SqsError.invalidParameter("Invalid value for the parameter RedrivePolicy: " + json);
        }
    }

    private int setting(String attribute) {
        return Integer.parseInt(settings.get(attribute));
    }

    // ---- sending ------------------------------------------------------------------------------------------------

    void send(JsonNode request, ObjectNode response, Function<String, SqsQueue> byArn) {
        Message message = message(request);
        enqueue(List.of(message), request.path("DelaySeconds"));
        response.put("MessageId", message.id);
        response.put("MD5OfMessageBody", message.md5);
        if (message.attributes != null) {
            response.put("MD5OfMessageAttributes", attributesMd5(message.attributes));
        }
    }

    void sendBatch(JsonNode request, ObjectNode response, Function<String, SqsQueue> byArn) {
        JsonNode entries = entries(request);
        int size = 0;
        for (JsonNode entry : entries) {
            size += entry.path("MessageBody").asText("").getBytes(StandardCharsets.UTF_8).length;
        }
        if (size > MAX_SIZE) {
            throw SqsError.client("BatchRequestTooLong", "AWS.SimpleQueueService.BatchRequestTooLong",
                    "Batch requests cannot be longer than " + MAX_SIZE + " bytes.");
        }
        ArrayNode successful = response.putArray("Successful");
        ArrayNode failed = response.putArray("Failed");
        for (JsonNode entry : entries) {
            String id = entry.path("Id").asText();
            try {
                Message message = message(entry);
                enqueue(List.of(message), entry.path("DelaySeconds"));
                ObjectNode ok = successful.addObject();
                ok.put("Id", id);
                ok.put("MessageId", message.id);
                ok.put("MD5OfMessageBody", message.md5);
                if (message.attributes != null) {
                    ok.put("MD5OfMessageAttributes", attributesMd5(message.attributes));
                }
            } catch (SqsError e) {
                failure(failed, id, e);
            }
        }
    }

    private Message message(JsonNode request) {
        String body = SqsEmulator.text(request, "MessageBody", true);
        if (body.isEmpty()) {
            throw SqsError.client("MissingParameter", "MissingParameter",
                    "The request must contain the parameter MessageBody.");
        }
        if (!body.codePoints().allMatch(SqsQueue::allowed)) {
            throw SqsError.client("InvalidMessageContents", "InvalidMessageContents",
                    "Invalid characters found. Valid unicode characters are #x9 | #xA | #xD | #x20 to #xD7FF |"
                            + " #xE000 to #xFFFD | #x10000 to #x10FFFF");
        }
        JsonNode attributes = request.get("MessageAttributes");
        if (attributes != null && (attributes.isNull() || attributes.isEmpty())) {
            attributes = null;
        }
        int size = body.getBytes(StandardCharsets.UTF_8).length + (attributes == null ? 0 : attributesSize(attributes));
        if (size > setting("MaximumMessageSize")) {
            throw SqsError.invalidParameter("One or more parameters are invalid. Reason: Message must be shorter than "
                    + setting("MaximumMessageSize") + " bytes.");
        }
        return new Message(UUID.randomUUID().toString(), body, attributes, System.currentTimeMillis());
    }

    private void enqueue(List<Message> messages, JsonNode delayNode) {
        lock.lock();
        try {
            int delay = delayNode.isMissingNode() || delayNode.isNull() ? setting("DelaySeconds") : delayNode.asInt(-1);
            if (delay < 0 || delay > 900) {
                throw SqsError.invalidParameter("Value " + delayNode + " for parameter DelaySeconds is invalid."
                        + " Reason: must be between 0 and 900, if provided.");
            }
            for (Message message : messages) {
                live.put(message.id, message);
                if (delay == 0) {
                    message.state = State.READY;
                    ready.addLast(message);
                    visibleCount++;
                } else {
                    message.state = State.DELAYED;
                    delayedCount++;
                    hide(message, message.sentAt + delay * 1000L);
                }
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static boolean allowed(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    // ---- receiving ----------------------------------------------------------------------------------------------

    void receive(JsonNode request, ObjectNode response, Function<String, SqsQueue> byArn) {
        int max = request.path("MaxNumberOfMessages").asInt(1);
        if (max < 1 || max > 10) {
            throw SqsError.invalidParameter("Value " + max + " for parameter MaxNumberOfMessages is invalid."
                    + " Reason: Must be between 1 and 10, if provided.");
        }
        JsonNode waitNode = request.path("WaitTimeSeconds");
        int wait = waitNode.isMissingNode() ? setting("ReceiveMessageWaitTimeSeconds") : waitNode.asInt(-1);
        if (wait < 0 || wait > 20) {
            throw SqsError.invalidParameter("Value " + waitNode + " for parameter WaitTimeSeconds is invalid."
                    + " Reason: Must be >= 0 and <= 20, if provided.");
        }
        JsonNode visibilityNode = request.path("VisibilityTimeout");
        int visibility = visibilityNode.isMissingNode() ? setting("VisibilityTimeout") : visibilityNode.asInt(-1);
        if (visibility < 0 || visibility > 43_200) {
            throw SqsError.invalidParameter("Value " + visibilityNode + " for parameter VisibilityTimeout is invalid.");
        }
        Set<String> systemNames = new HashSet<>();
        request.path("AttributeNames").forEach(n -> systemNames.add(n.asText()));
        request.path("MessageSystemAttributeNames").forEach(n -> systemNames.add(n.asText()));
        List<String> attributeNames = new ArrayList<>();
        request.path("MessageAttributeNames").forEach(n -> attributeNames.add(n.asText()));

        List<Message> received = new ArrayList<>();
        List<Message> dead = new ArrayList<>();
        SqsQueue deadLetterQueue = null;
        long deadline = System.currentTimeMillis() + wait * 1000L;
        lock.lock();
        try {
            JsonNode redrive = settings.containsKey("RedrivePolicy") ? readTree(settings.get("RedrivePolicy")) : null;
            if (redrive != null) {
                deadLetterQueue = byArn.apply(redrive.path("deadLetterTargetArn").asText());
            }
            int maxReceives = redrive == null ? Integer.MAX_VALUE : redrive.path("maxReceiveCount").asInt();
            long retentionMillis = setting("MessageRetentionPeriod") * 1000L;
            while (true) {
                long now = System.currentTimeMillis();
                promote(now);
                while (received.size() < max && !ready.isEmpty()) {
                    Message message = ready.pollFirst();
                    if (message.state != State.READY) {
                        continue; // deleted while visible
                    }
                    if (now - message.sentAt > retentionMillis) {
                        drop(message);
                    } else if (message.receives >= maxReceives && deadLetterQueue != null) {
                        drop(message);
                        dead.add(message);
                    } else {
                        visibleCount--;
                        message.state = State.IN_FLIGHT;
                        message.receives++;
                        message.firstReceivedAt = message.firstReceivedAt == 0 ? now : message.firstReceivedAt;
                        message.handleSeq++;
                        inFlightCount++;
                        hide(message, now + visibility * 1000L);
                        received.add(message);
                    }
                }
                if (!received.isEmpty() || now >= deadline) {
                    break;
                }
                Hidden next = hidden.peek();
                long until = next == null ? deadline : Math.min(deadline, next.until);
                try {
                    arrived.await(Math.max(1, until - now), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            lock.unlock();
        }
        if (!dead.isEmpty() && deadLetterQueue != null) {
            deadLetterQueue.accept(dead);
        }
        ArrayNode messages = response.putArray("Messages");
        for (Message message : received) {
            messages.add(render(message, systemNames, attributeNames));
        }
    }

    /** Messages moved here by another queue's redrive policy: the same ids, bodies and receive counts. */
    private void accept(List<Message> moved) {
        lock.lock();
        try {
            for (Message old : moved) {
                Message message = new Message(old.id, old.body, old.attributes, old.sentAt);
                message.receives = old.receives;
                message.firstReceivedAt = old.firstReceivedAt;
                message.state = State.READY;
                live.put(message.id, message);
                ready.addLast(message);
                visibleCount++;
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private ObjectNode render(Message message, Set<String> systemNames, List<String> attributeNames) {
        ObjectNode out = JSON.createObjectNode();
        out.put("MessageId", message.id);
        out.put("ReceiptHandle", handle(message));
        out.put("MD5OfBody", message.md5);
        out.put("Body", message.body);
        boolean all = systemNames.contains("All");
        ObjectNode system = JSON.createObjectNode();
        if (all || systemNames.contains("SenderId")) {
            system.put("SenderId", "AIDALOCALSQSEMULATOR");
        }
        if (all || systemNames.contains("SentTimestamp")) {
            system.put("SentTimestamp", Long.toString(message.sentAt));
        }
        if (all || systemNames.contains("ApproximateReceiveCount")) {
            system.put("ApproximateReceiveCount", Integer.toString(message.receives));
        }
        if (all || systemNames.contains("ApproximateFirstReceiveTimestamp")) {
            system.put("ApproximateFirstReceiveTimestamp", Long.toString(message.firstReceivedAt));
        }
        if (!system.isEmpty()) {
            out.set("Attributes", system);
        }
        if (message.attributes != null && !attributeNames.isEmpty()) {
            ObjectNode chosen = JSON.createObjectNode();
            message.attributes.properties().forEach(attribute -> {
                if (selected(attribute.getKey(), attributeNames)) {
                    chosen.set(attribute.getKey(), attribute.getValue());
                }
            });
            if (!chosen.isEmpty()) {
                out.set("MessageAttributes", chosen);
                out.put("MD5OfMessageAttributes", attributesMd5(chosen));
            }
        }
        return out;
    }

    private static boolean selected(String attribute, List<String> names) {
        for (String name : names) {
            if (name.equals("All") || name.equals(".*") || name.equals(attribute)
                    || (name.endsWith(".*") && attribute.startsWith(name.substring(0, name.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    // ---- deleting and visibility --------------------------------------------------------------------------------

    void delete(String receiptHandle) {
        lock.lock();
        try {
            Message message = byHandle(receiptHandle);
            if (message != null && message.state != State.GONE) {
                drop(message);
            }
        } finally {
            lock.unlock();
        }
    }

    void deleteBatch(JsonNode request, ObjectNode response) {
        ArrayNode successful = response.putArray("Successful");
        ArrayNode failed = response.putArray("Failed");
        for (JsonNode entry : entries(request)) {
            String id = entry.path("Id").asText();
            try {
                delete(SqsEmulator.text(entry, "ReceiptHandle", true));
                successful.addObject().put("Id", id);
            } catch (SqsError e) {
                failure(failed, id, e);
            }
        }
    }

    void changeVisibility(String receiptHandle, int seconds) {
        if (seconds < 0 || seconds > 43_200) {
            throw SqsError.invalidParameter("Value " + seconds + " for parameter VisibilityTimeout is invalid.");
        }
        lock.lock();
        try {
            Message message = byHandle(receiptHandle);
            if (message == null || message.state != State.IN_FLIGHT) {
                throw SqsError.client("MessageNotInflight", "AWS.SimpleQueueService.MessageNotInflight",
                        "Message is not in flight");
            }
            hide(message, System.currentTimeMillis() + seconds * 1000L);
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void changeVisibilityBatch(JsonNode request, ObjectNode response) {
        ArrayNode successful = response.putArray("Successful");
        ArrayNode failed = response.putArray("Failed");
        for (JsonNode entry : entries(request)) {
            String id = entry.path("Id").asText();
            try {
                changeVisibility(SqsEmulator.text(entry, "ReceiptHandle", true),
                        entry.path("VisibilityTimeout").asInt(-1));
                successful.addObject().put("Id", id);
            } catch (SqsError e) {
                failure(failed, id, e);
            }
        }
    }

    void purge() {
        lock.lock();
        try {
            live.values().forEach(message -> message.state = State.GONE);
            live.clear();
            ready.clear();
            hidden.clear();
            visibleCount = 0;
            inFlightCount = 0;
            delayedCount = 0;
        } finally {
            lock.unlock();
        }
    }

    void wakeAll() {
        lock.lock();
        try {
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    // ---- internals (the lock held) ------------------------------------------------------------------------------

    private void hide(Message message, long until) {
        message.hiddenSeq = ++hiddenSeq;
        hidden.add(new Hidden(until, message.hiddenSeq, message));
    }

    /** Hidden messages whose time has come show again. */
    private void promote(long now) {
        while (!hidden.isEmpty() && hidden.peek().until <= now) {
            Hidden entry = hidden.poll();
            Message message = entry.message;
            if (message.hiddenSeq != entry.seq
                    || (message.state != State.DELAYED && message.state != State.IN_FLIGHT)) {
                continue; // deleted, or its visibility changed since
            }
            if (message.state == State.DELAYED) {
                delayedCount--;
            } else {
                inFlightCount--;
            }
            message.state = State.READY;
            visibleCount++;
            ready.addLast(message);
        }
    }

    private void drop(Message message) {
        switch (message.state) {
            case READY -> visibleCount--; // left in the deque, skipped when reached
            case DELAYED -> delayedCount--;
            case IN_FLIGHT -> inFlightCount--;
            case GONE -> {
                return;
            }
        }
        message.state = State.GONE;
        live.remove(message.id);
    }

    private static String handle(Message message) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((message.id + "|" + message.handleSeq)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The message a receipt handle names when it is its latest; null when the message is gone or was received again. */
    private Message byHandle(String receiptHandle) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(receiptHandle), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            decoded = "";
        }
        int bar = decoded.lastIndexOf('|');
        long seq;
        try {
            seq = bar < 0 ? -1 : Long.parseLong(decoded.substring(bar + 1));
        } catch (NumberFormatException e) {
            seq = -1;
        }
        if (seq < 1) {
            throw SqsError.client("ReceiptHandleIsInvalid", "ReceiptHandleIsInvalid",
                    "The input receipt handle \"" + receiptHandle + "\" is not a valid receipt handle.");
        }
        Message message = live.get(decoded.substring(0, bar));
        // an older handle of a message received again since: the call succeeds and the message stays, as on SQS
        return message != null && message.handleSeq == seq ? message : null;
    }

    private static JsonNode entries(JsonNode request) {
        JsonNode entries = request.path("Entries");
        if (entries.isEmpty()) {
            throw SqsError.client("EmptyBatchRequest", "AWS.SimpleQueueService.EmptyBatchRequest",
                    "There should be at least one entry in the request.");
        }
        if (entries.size() > 10) {
            throw SqsError.client("TooManyEntriesInBatchRequest",
                    "AWS.SimpleQueueService.TooManyEntriesInBatchRequest",
                    "Maximum number of entries per request are 10. You have sent " + entries.size() + ".");
        }
        Set<String> ids = new HashSet<>();
        for (JsonNode entry : entries) {
            String id = entry.path("Id").asText("");
            if (!id.matches("[A-Za-z0-9_-]{1,80}")) {
                throw SqsError.client("InvalidBatchEntryId", "AWS.SimpleQueueService.InvalidBatchEntryId",
                        "A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can"
                                + " be at most 80 letters long.");
            }
            if (!ids.add(id)) {
                throw SqsError.client("BatchEntryIdsNotDistinct", "AWS.SimpleQueueService.BatchEntryIdsNotDistinct",
                        "Id " + id + " repeated.");
            }
        }
        return entries;
    }

    private static void failure(ArrayNode failed, String id, SqsError error) {
        ObjectNode entry = failed.addObject();
        entry.put("Id", id);
        entry.put("SenderFault", true);
        entry.put("Code", error.queryCode());
        entry.put("Message", error.getMessage());
    }

    // ---- checksums ----------------------------------------------------------------------------------------------

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int attributesSize(JsonNode attributes) {
        int size = 0;
        for (var attribute : attributes.properties()) {
            size += attribute.getKey().length() + attribute.getValue().path("DataType").asText().length()
                    + attribute.getValue().path("StringValue").asText("").length()
                    + attribute.getValue().path("BinaryValue").asText("").length();
        }
        return size;
    }

    /** SQS's MD5 of message attributes: by name, each name, data type, transport type and value, length-prefixed. */
    static String attributesMd5(JsonNode attributes) {
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        attributes.properties().forEach(a -> sorted.put(a.getKey(), a.getValue()));
        ByteBuffer buffer = ByteBuffer.allocate(16 + attributesSize(attributes) * 2 + sorted.size() * 32);
        for (Map.Entry<String, JsonNode> attribute : sorted.entrySet()) {
            String dataType = attribute.getValue().path("DataType").asText();
            if (!dataType.startsWith("String") && !dataType.startsWith("Number") && !dataType.startsWith("Binary")) {
                throw SqsError.invalidParameter("The type of message (user) attribute '" + attribute.getKey()
                        + "' is invalid. You must use only the following supported type prefixes: Binary, Number,"
                        + " String.");
            }
            putLengthPrefixed(buffer, attribute.getKey().getBytes(StandardCharsets.UTF_8));
            putLengthPrefixed(buffer, dataType.getBytes(StandardCharsets.UTF_8));
            if (dataType.startsWith("Binary")) {
                buffer.put((byte) 2);
                putLengthPrefixed(buffer, Base64.getDecoder().decode(attribute.getValue().path("BinaryValue").asText()));
            } else {
                buffer.put((byte) 1);
                putLengthPrefixed(buffer, attribute.getValue().path("StringValue").asText()
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return md5(bytes);
    }

    private static void putLengthPrefixed(ByteBuffer buffer, byte[] bytes) {
        buffer.putInt(bytes.length);
        buffer.put(bytes);
    }
}

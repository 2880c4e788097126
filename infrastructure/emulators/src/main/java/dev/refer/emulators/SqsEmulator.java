package dev.refer.emulators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Amazon SQS in this process, over its JSON protocol (what the AWS SDK v2 speaks), for the local stack, the tests
 * and the benchmarks: standard queues with SQS's delivery rules ({@link SqsQueue}). moto's SQS scans every message of
 * a queue on each call, so a payout run of 100,000 partners (100,000 queued messages) would spend hours in it; here
 * every call costs the same whatever the queue's depth.
 *
 * <p>Operations: CreateQueue, GetQueueUrl, ListQueues, DeleteQueue, PurgeQueue, GetQueueAttributes,
 * SetQueueAttributes, SendMessage(Batch), ReceiveMessage (long polling), DeleteMessage(Batch),
 * ChangeMessageVisibility(Batch). FIFO queues are refused (the template has none). Errors come as SQS sends them:
 * status 400, {@code __type} and the {@code x-amzn-query-error} code the SDK maps to its exceptions.
 */
public final class SqsEmulator implements AutoCloseable {

    static final String ACCOUNT = "000000000000";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String region;
    private final Map<String, SqsQueue> queues = new ConcurrentHashMap<>();

    private SqsEmulator(HttpServer server, ExecutorService executor, String region) {
        this.server = server;
        this.executor = executor;
        this.region = region;
    }

    /** Starts on a free loopback port. */
    public static SqsEmulator start(String region) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            // long polls hold a thread each for up to 20 s: one thread per connection, as many as callers open
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "sqs-emulator");
                thread.setDaemon(true);
                return thread;
            });
            SqsEmulator emulator = new SqsEmulator(server, executor, region);
            server.createContext("/", emulator::handle);
            server.setExecutor(executor);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the SQS emulator: " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            ObjectNode response;
            int status = 200;
            try {
                if (target == null || !target.startsWith("AmazonSQS.")) {
                    throw SqsError.client("InvalidAction", "InvalidAction",
                            "this endpoint speaks SQS's JSON protocol (X-Amz-Target: AmazonSQS.<Action>)");
                }
                JsonNode request;
                try (InputStream body = exchange.getRequestBody()) {
                    byte[] bytes = body.readAllBytes();
                    request = bytes.length == 0 ? JSON.createObjectNode() : JSON.readTree(bytes);
                } catch (IOException e) {
                    throw SqsError.client("MalformedQueryString", "MalformedQueryString",
                            "the request body is not JSON");
                }
                response = dispatch(target.substring("AmazonSQS.".length()), request);
            } catch (SqsError e) {
                status = 400;
                response = JSON.createObjectNode();
                response.put("__type", "com.amazonaws.sqs#" + e.type());
                response.put("message", e.getMessage());
                exchange.getResponseHeaders().add("x-amzn-query-error", e.queryCode() + ";Sender");
            }
            byte[] bytes = JSON.writeValueAsBytes(response);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private ObjectNode dispatch(String action, JsonNode request) {
        ObjectNode response = JSON.createObjectNode();
        switch (action) {
            case "CreateQueue" -> response.put("QueueUrl", create(text(request, "QueueName", true),
                    attributes(request)).url());
            case "GetQueueUrl" -> response.put("QueueUrl", byName(text(request, "QueueName", true)).url());
            case "ListQueues" -> {
                String prefix = text(request, "QueueNamePrefix", false);
                ArrayNode urls = response.putArray("QueueUrls");
                queues.values().stream().filter(q -> prefix == null || q.name().startsWith(prefix))
                        .map(SqsQueue::url).sorted().forEach(urls::add);
            }
            case "DeleteQueue" -> queues.remove(queue(request).name());
            case "PurgeQueue" -> queue(request).purge();
            case "GetQueueAttributes" -> {
                ObjectNode out = response.putObject("Attributes");
                queue(request).attributes(names(request.path("AttributeNames"))).forEach(out::put);
            }
            case "SetQueueAttributes" -> queue(request).set(attributes(request), this::byArn);
            case "SendMessage" -> queue(request).send(request, response, this::byArn);
            case "SendMessageBatch" -> queue(request).sendBatch(request, response, this::byArn);
            case "ReceiveMessage" -> queue(request).receive(request, response, this::byArn);
            case "DeleteMessage" -> queue(request).delete(text(request, "ReceiptHandle", true));
            case "DeleteMessageBatch" -> queue(request).deleteBatch(request, response);
            case "ChangeMessageVisibility" -> queue(request).changeVisibility(text(request, "ReceiptHandle", true),
                    request.path("VisibilityTimeout").asInt(-1));
            case "ChangeMessageVisibilityBatch" -> queue(request).changeVisibilityBatch(request, response);
            default -> throw SqsError.client("InvalidAction", "InvalidAction",
                    "the local SQS emulator does not implement " + action);
        }
        return response;
    }

    private synchronized SqsQueue create(String name, Map<String, String> attributes) {
        if (!name.matches("[A-Za-z0-9_-]{1,80}")) {
            throw SqsError.client("InvalidParameterValue", "InvalidParameterValue",
                    "a queue name has 1 to 80 letters, digits, hyphens and underscores: " + name);
        }
        if ("true".equalsIgnoreCase(attributes.get("FifoQueue")) || name.endsWith(".fifo")) {
            throw SqsError.client("InvalidAttributeName", "InvalidAttributeName",
                    "the local SQS emulator has standard queues only");
        }
        SqsQueue existing = queues.get(name);
        if (existing != null) {
            if (!existing.sameSettings(attributes)) {
                throw SqsError.client("QueueNameExists", "QueueAlreadyExists",
                        "a queue named " + name + " exists with other attributes");
            }
            return existing;
        }
        SqsQueue queue = new SqsQueue(name, "http://localhost:" + server.getAddress().getPort() + "/" + ACCOUNT + "/"
                + name, "arn:aws:sqs:" + region + ":" + ACCOUNT + ":" + name);
        queue.set(attributes, this::byArn);
        queues.put(name, queue);
        return queue;
    }

    private SqsQueue queue(JsonNode request) {
        String url = text(request, "QueueUrl", true);
        return byName(url.substring(url.lastIndexOf('/') + 1));
    }

    private SqsQueue byName(String name) {
        SqsQueue queue = queues.get(name);
        if (queue == null) {
            throw SqsError.client("QueueDoesNotExist", "AWS.SimpleQueueService.NonExistentQueue",
                    "The specified queue does not exist.");
        }
        return queue;
    }

    private SqsQueue byArn(String arn) {
        return queues.values().stream().filter(q -> q.arn().equals(arn)).findFirst().orElse(null);
    }

    static String text(JsonNode request, String field, boolean required) {
        JsonNode value = request.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw SqsError.client("MissingParameter", "MissingParameter",
                        "The request must contain the parameter " + field + ".");
            }
            return null;
        }
        return value.asText();
    }

    private static Map<String, String> attributes(JsonNode request) {
        Map<String, String> attributes = new java.util.LinkedHashMap<>();
        request.path("Attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
        return attributes;
    }

    private static java.util.List<String> names(JsonNode array) {
        java.util.List<String> names = new java.util.ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    @Override
    public void close() {
        queues.values().forEach(SqsQueue::wakeAll);
        server.stop(0);
        executor.shutdownNow();
    }
}

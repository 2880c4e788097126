package dev.refer.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy in front of an emulator for one function: forwards every call unchanged and records the IAM action
 * and resource each one needs (from the JSON protocol's {@code X-Amz-Target} and body). A transaction needs the action
 * of each of its items ({@code TransactWriteItems} is not an IAM action); a Query on an index needs the index.
 */
final class RecordingProxy implements AutoCloseable {

    /** An IAM action on a resource, the resource as a short name: "table", "table/index/GSI1", "secret:name". */
    record Call(String action, String resource) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding");

    private final HttpServer server;
    private final URI target;
    private final HttpClient http = HttpClient.newHttpClient();
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    RecordingProxy(URI target) throws IOException {
        this.target = target;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::forward);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            record(exchange.getRequestHeaders().getFirst("x-amz-target"), exchange.getRequestURI().getPath(), body);
            HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1
                    : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void record(String amzTarget, String path, byte[] body) throws IOException {
        if (amzTarget == null) {
            // REST protocols (SES v2): the path names the operation
            if (path.startsWith("/v2/email/outbound-emails")) {
                JsonNode send = JSON.readTree(body);
                String from = send.path("FromEmailAddress").asText();
                String address = from.contains("<") ? from.substring(from.indexOf('<') + 1, from.indexOf('>')) : from;
                calls.add(new Call("ses:SendEmail", "ses:identity/" + address));
            } else {
                calls.add(new Call("unknown " + path, "unknown"));
            }
            return;
        }
        String operation = amzTarget.substring(amzTarget.indexOf('.') + 1);
        JsonNode json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        if (amzTarget.startsWith("DynamoDB_")) {
            switch (operation) {
                case "TransactWriteItems" -> json.path("TransactItems").forEach(item -> item.fieldNames()
                        .forEachRemaining(kind -> calls.add(new Call("dynamodb:" + switch (kind) {
                            case "Put" -> "PutItem";
                            case "Update" -> "UpdateItem";
                            case "Delete" -> "DeleteItem";
                            case "ConditionCheck" -> "ConditionCheckItem";
                            default -> kind;
                        }, "table"))));
                case "TransactGetItems" -> json.path("TransactItems")
                        .forEach(item -> calls.add(new Call("dynamodb:GetItem", "table")));
                case "Query", "Scan" -> calls.add(new Call("dynamodb:" + operation,
                        json.hasNonNull("IndexName") ? "table/index/" + json.get("IndexName").asText() : "table"));
                default -> calls.add(new Call("dynamodb:" + operation, "table"));
            }
        } else if (amzTarget.startsWith("secretsmanager.")) {
            calls.add(new Call("secretsmanager:" + operation, "secret:" + json.path("SecretId").asText()));
        } else if (amzTarget.startsWith("AmazonSQS.")) {
            String queueUrl = json.path("QueueUrl").asText();
            // a batch send needs sqs:SendMessage (IAM has no action of its own for it)
            String action = operation.equals("SendMessageBatch") ? "SendMessage" : operation;
            String name = queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
            // the local stack names a queue <table>-<logical id>
            calls.add(new Call("sqs:" + action, "queue:" + name.substring(name.lastIndexOf('-') + 1)));
        } else {
            calls.add(new Call(amzTarget, "unknown"));
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

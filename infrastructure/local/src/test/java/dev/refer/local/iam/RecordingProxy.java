package dev.refer.local.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.refer.testkit.PassThroughProxy;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The test kit's {@link PassThroughProxy} in front of an emulator for one function: forwards every call unchanged and
 * records the IAM action and resource each one needs (from the JSON protocol's {@code X-Amz-Target} and body). A transaction needs the action
 * of each of its items ({@code TransactWriteItems} is not an IAM action); a Query on an index needs the index.
 */
final class RecordingProxy implements AutoCloseable {

    /** An IAM action on a resource, the resource as a short name: "table", "table/index/GSI1", "secret:name". */
    record Call(String action, String resource) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PassThroughProxy proxy;
    final List<Call> calls = Collections.synchronizedList(new ArrayList<>());

    RecordingProxy(URI target) throws IOException {
        this.proxy = new PassThroughProxy(target, request -> {
            record(request.headers().get("x-amz-target"), request.path(), request.body());
            return null;
        });
    }

    URI endpoint() {
        return proxy.endpoint();
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
        proxy.close();
    }
}

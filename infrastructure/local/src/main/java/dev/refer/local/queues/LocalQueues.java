package dev.refer.local.queues;

import dev.refer.emulators.SamTemplate;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The template's SQS queues ({@code AWS::SQS::Queue}), created in the local SQS when the local stack starts, under names of
 * the local table's prefix. What a function's environment may refer to: a queue's URL ({@code !Ref}), ARN and name.
 */
public final class LocalQueues {

    private final SqsClient sqs;
    private final Map<String, String> urls = new LinkedHashMap<>();
    private final Map<String, String> arns = new LinkedHashMap<>();

    private LocalQueues(SqsClient sqs) {
        this.sqs = sqs;
    }

    /** Creates every queue of the template; a queue's name is {@code <prefix>-<logical id>}. */
    public static LocalQueues create(SqsClient sqs, SamTemplate template, String prefix) {
        return create(sqs, template, prefix, null);
    }

    /**
     * Creates every queue of the template with its settings (visibility timeout, retention, redrive policy to its
     * dead-letter queue), dead-letter queues first.
     *
     * @param visibilitySeconds overrides every queue's visibility timeout when not null (tests that wait for a
     *                          redelivery shorten it)
     */
    public static LocalQueues create(SqsClient sqs, SamTemplate template, String prefix, Integer visibilitySeconds) {
        LocalQueues queues = new LocalQueues(sqs);
        List<String> ids = new ArrayList<>(template.resourcesOfType("AWS::SQS::Queue"));
        // queues others redrive to first: their ARNs go into the others' RedrivePolicy
        ids.sort(java.util.Comparator.comparing(id -> template.resourceProperties(id).containsKey("RedrivePolicy")));
        for (String logicalId : ids) {
            Map<String, Object> properties = template.resourceProperties(logicalId);
            Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
            Object visibility = visibilitySeconds != null ? visibilitySeconds : properties.get("VisibilityTimeout");
            if (visibility != null) {
                attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(visibility));
            }
            if (properties.get("MessageRetentionPeriod") != null) {
                attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                        String.valueOf(properties.get("MessageRetentionPeriod")));
            }
            if (properties.get("RedrivePolicy") instanceof Map<?, ?> redrive) {
                Object target = redrive.get("deadLetterTargetArn");
                String dlq = target instanceof Map<?, ?> getAtt && getAtt.get("Fn::GetAtt") instanceof List<?> parts
                        ? String.valueOf(parts.get(0)) : null;
                if (dlq == null || !queues.arns.containsKey(dlq)) {
                    throw new IllegalStateException(logicalId + ".RedrivePolicy.deadLetterTargetArn must be"
                            + " !GetAtt <a queue of the template>.Arn");
                }
                attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + queues.arns.get(dlq)
                        + "\",\"maxReceiveCount\":\"" + redrive.get("maxReceiveCount") + "\"}");
            }
            String name = prefix + "-" + logicalId;
            String url = sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
            String arn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            queues.urls.put(logicalId, url);
            queues.arns.put(logicalId, arn);
        }
        return queues;
    }

    /** What the template's intrinsics resolve to: URL for {@code !Ref}, {@code .Arn}, {@code .QueueName}. */
    public Map<String, String> refs() {
        Map<String, String> refs = new LinkedHashMap<>();
        urls.forEach((logicalId, url) -> {
            refs.put(logicalId, url);
            refs.put(logicalId + ".Arn", arns.get(logicalId));
            refs.put(logicalId + ".QueueName", url.substring(url.lastIndexOf('/') + 1));
        });
        return refs;
    }

    public String url(String logicalId) {
        String url = urls.get(logicalId);
        if (url == null) {
            throw new IllegalArgumentException("template.yaml has no AWS::SQS::Queue " + logicalId + "; queues: "
                    + urls.keySet());
        }
        return url;
    }

    /** Sends one message to the queue (an on-failure record, a test's message). */
    public void send(String logicalId, String body) {
        sqs.sendMessage(r -> r.queueUrl(url(logicalId)).messageBody(body));
    }

    public SqsClient client() {
        return sqs;
    }
}

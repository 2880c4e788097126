package dev.refer.emulators;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the counters function gives up on a stream batch (retries exhausted, records a day old), the batch's description
 * goes to its on-failure destination: the counters stay short until it is replayed (docs/operations.md, "Replaying a failed stream batch"), and the
 * payee index until the next payout run's sweep. An alarm must say so at the first message, to someone.
 */
class StreamFailureAlarmTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();

    @Test
    void theCountersOnFailureQueue_hasAnAlarmThatFiresAtItsFirstMessage_andNotifiesATopic() {
        Map<String, Object> destination = onFailureDestination();
        String queue = referenced(destination.get("Destination"));
        assertEquals("AWS::SQS::Queue", type(queue));

        List<String> alarms = TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").stream()
                .filter(alarm -> {
                    Map<String, Object> p = TEMPLATE.resourceProperties(alarm);
                    return "AWS/SQS".equals(p.get("Namespace"))
                            && "ApproximateNumberOfMessagesVisible".equals(p.get("MetricName"))
                            && p.get("Dimensions") instanceof List<?> dimensions && dimensions.stream().anyMatch(d ->
                            d instanceof Map<?, ?> dim && "QueueName".equals(dim.get("Name"))
                                    && queue.equals(referencedOrGetAtt(dim.get("Value"))));
                }).toList();
        assertEquals(1, alarms.size(), "one alarm on " + queue + ": " + alarms);
        Map<String, Object> alarm = TEMPLATE.resourceProperties(alarms.getFirst());
        assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
        assertEquals(1, ((Number) alarm.get("Threshold")).intValue(), "the first message fires it");
        assertTrue(alarm.get("AlarmActions") instanceof List<?> actions && !actions.isEmpty()
                        && actions.stream().allMatch(a -> "AWS::SNS::Topic".equals(type(referenced(a)))),
                "it notifies a topic operators subscribe to");
        assertFalse(Boolean.FALSE.equals(alarm.get("ActionsEnabled")));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onFailureDestination() {
        FunctionDef counters = TEMPLATE.function("CountersFunction");
        Map<String, Object> events = (Map<String, Object>) TEMPLATE.resourceProperties(counters.logicalId())
                .get("Events");
        Map<String, Object> stream = (Map<String, Object>) ((Map<String, Object>) events.get("Counters"))
                .get("Properties");
        return (Map<String, Object>) ((Map<String, Object>) stream.get("DestinationConfig")).get("OnFailure");
    }

    private static String type(String logicalId) {
        return TEMPLATE.resourcesOfType("AWS::SQS::Queue").contains(logicalId) ? "AWS::SQS::Queue"
                : TEMPLATE.resourcesOfType("AWS::SNS::Topic").contains(logicalId) ? "AWS::SNS::Topic" : "?";
    }

    /** {@code !Ref X} or {@code !GetAtt X.Attr}: X. */
    private static String referenced(Object value) {
        return referencedOrGetAtt(value);
    }

    private static String referencedOrGetAtt(Object value) {
        if (value instanceof Map<?, ?> map && map.get("Ref") instanceof String ref) {
            return ref;
        }
        if (value instanceof Map<?, ?> map && map.get("Fn::GetAtt") instanceof List<?> getAtt) {
            return (String) getAtt.getFirst();
        }
        return String.valueOf(value);
    }
}

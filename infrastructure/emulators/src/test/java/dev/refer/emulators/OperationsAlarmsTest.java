package dev.refer.emulators;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What wakes someone: every alarm the template promises (docs/operations.md, "Alarms"), each on the right metric with
 * its threshold, each notifying the alarm topic the manager's address subscribes to; and every log group with a
 * retention.
 */
class OperationsAlarmsTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();
    private static final String TOPIC = "OperationsAlarmTopic";

    @Test
    void everyDeadLetterQueue_hasAnAlarmAtItsFirstMessage() {
        List<String> deadLetterQueues = new ArrayList<>();
        for (String queue : TEMPLATE.resourcesOfType("AWS::SQS::Queue")) {
            if (queue.contains("DeadLetter")) {
                deadLetterQueues.add(queue);
            }
        }
        assertEquals(List.of("WebhookDeadLetterQueue", "MailDeadLetterQueue", "PayoutDeadLetterQueue",
                "CountersDeadLetterQueue"), deadLetterQueues);
        for (String queue : deadLetterQueues) {
            List<Map<String, Object>> alarms = alarms().stream().filter(alarm ->
                    "AWS/SQS".equals(alarm.get("Namespace"))
                            && "ApproximateNumberOfMessagesVisible".equals(alarm.get("MetricName"))
                            && queue.equals(dimensionTarget(alarm.get("Dimensions"), "QueueName"))).toList();
            assertEquals(1, alarms.size(), queue);
            assertEquals(1, ((Number) alarms.getFirst().get("Threshold")).intValue(), queue);
            assertEquals("GreaterThanOrEqualToThreshold", alarms.getFirst().get("ComparisonOperator"), queue);
        }
    }

    @Test
    void everyFunction_hasAnAlarmOnItsErrorsPlusThrottles_atTheThresholdParameter() {
        for (FunctionDef function : TEMPLATE.functions()) {
            Map<String, Object> alarm = TEMPLATE.resourceProperties(function.logicalId() + "ErrorsAlarm");
            List<?> metrics = (List<?>) alarm.get("Metrics");
            Map<?, ?> expression = (Map<?, ?>) metrics.getFirst();
            assertEquals("errors + throttles", expression.get("Expression"), function.logicalId());
            assertEquals(List.of("Errors", "Throttles"), metrics.stream().skip(1)
                    .map(m -> metricName(m)).toList(), function.logicalId());
            for (Object metric : metrics.subList(1, metrics.size())) {
                assertEquals(function.logicalId(), dimensionTarget(metricOf(metric).get("Dimensions"), "FunctionName"));
                assertEquals("Sum", ((Map<?, ?>) ((Map<?, ?>) metric).get("MetricStat")).get("Stat"));
            }
            assertEquals(Map.of("Ref", "FunctionErrorsAlarmThreshold"), alarm.get("Threshold"));
            assertEquals("5", TEMPLATE.parameterDefaults().get("FunctionErrorsAlarmThreshold"));
            assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
            assertNotifiesTheTopic(alarm);
        }
    }

    @Test
    void theStreamConsumers_haveAnIteratorAgeAlarm() {
        List<String> consumers = TEMPLATE.functions().stream().filter(f -> !f.streams().isEmpty())
                .map(FunctionDef::logicalId).toList();
        assertEquals(List.of("CountersFunction", "NotificationsFunction", "WebhookFanOutFunction"), consumers);
        for (String consumer : consumers) {
            Map<String, Object> alarm = TEMPLATE.resourceProperties(consumer + "IteratorAgeAlarm");
            List<?> metrics = (List<?>) alarm.get("Metrics");
            assertEquals("age / 1000", ((Map<?, ?>) metrics.getFirst()).get("Expression"), "in seconds");
            assertEquals("IteratorAge", metricName(metrics.get(1)));
            assertEquals("Maximum", ((Map<?, ?>) ((Map<?, ?>) metrics.get(1)).get("MetricStat")).get("Stat"));
            assertEquals(consumer, dimensionTarget(metricOf(metrics.get(1)).get("Dimensions"), "FunctionName"));
            assertEquals(Map.of("Ref", "IteratorAgeAlarmSeconds"), alarm.get("Threshold"));
            assertEquals("600", TEMPLATE.parameterDefaults().get("IteratorAgeAlarmSeconds"));
            assertNotifiesTheTopic(alarm);
        }
    }

    @Test
    void sesBounceAbove2Percent_andComplaintsAbove005Percent_raiseAlarms_belowWhereSesReviewsTheAccount() {
        Map<String, Object> bounces = sesAlarm("Reputation.BounceRate").orElseThrow();
        assertEquals(0.02, ((Number) bounces.get("Threshold")).doubleValue());
        assertEquals("GreaterThanThreshold", bounces.get("ComparisonOperator"));
        assertNotifiesTheTopic(bounces);
        Map<String, Object> complaints = sesAlarm("Reputation.ComplaintRate").orElseThrow();
        assertEquals(0.0005, ((Number) complaints.get("Threshold")).doubleValue());
        assertEquals("GreaterThanThreshold", complaints.get("ComparisonOperator"));
        assertNotifiesTheTopic(complaints);
    }

    @Test
    void aPayoutRunNotCompleteAtNoonOfItsDay_raisesAnAlarm_fromTheCheckScheduledThen() {
        FunctionDef planner = TEMPLATE.function("PayoutPlannerFunction");
        ScheduleDef check = planner.schedules().stream().filter(s -> s.eventName().equals("RunCheck")).findFirst()
                .orElseThrow();
        assertEquals("cron(0 12 1 * ? *)", check.expression(), "noon of the 1st");
        assertEquals(TEMPLATE.parameterDefaults().get("PayoutTimeZone"), check.timeZone());
        assertEquals("{\"check\": true}", check.input());
        Map<String, Object> alarm = TEMPLATE.resourceProperties("PayoutRunIncompleteAlarm");
        assertEquals("Refer", alarm.get("Namespace"));
        assertEquals("PayoutRunIncomplete", alarm.get("MetricName"));
        assertEquals("PayoutPlannerFunction", dimensionTarget(alarm.get("Dimensions"), "FunctionName"));
        assertEquals(1, ((Number) alarm.get("Threshold")).intValue());
        assertEquals("GreaterThanOrEqualToThreshold", alarm.get("ComparisonOperator"));
        assertNotifiesTheTopic(alarm);
    }

    @Test
    void checkinsNotAllWrittenAtNoonOfTheirDay_raiseAnAlarm_fromTheCheckScheduledThen() {
        ScheduleDef check = TEMPLATE.function("CheckinPlannerFunction").schedules().stream()
                .filter(s -> s.eventName().equals("CheckinRunCheck")).findFirst().orElseThrow();
        assertEquals("cron(0 12 2 * ? *)", check.expression(), "noon of the 2nd, the check-ins' day");
        assertEquals(TEMPLATE.parameterDefaults().get("PayoutTimeZone"), check.timeZone());
        assertEquals("{\"job\":\"check\"}", check.input());
        assertTrue(TEMPLATE.parameterDefaults().get("CheckinSchedule").startsWith("cron(0 9 2 "),
                "the check-ins start on the same day, before it");
        Map<String, Object> alarm = TEMPLATE.resourceProperties("CheckinRunIncompleteAlarm");
        assertEquals("Refer", alarm.get("Namespace"));
        assertEquals("CheckinRunIncomplete", alarm.get("MetricName"));
        assertEquals("CheckinPlannerFunction", dimensionTarget(alarm.get("Dimensions"), "FunctionName"));
        assertEquals(1, ((Number) alarm.get("Threshold")).intValue());
        assertNotifiesTheTopic(alarm);
    }

    @Test
    void everyAlarm_notifiesTheTopic_whichTheManagersAddressSubscribesTo() {
        for (String alarm : TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm")) {
            assertNotifiesTheTopic(TEMPLATE.resourceProperties(alarm));
        }
        Map<String, Object> subscription = TEMPLATE.resourceProperties("OperationsAlarmSubscription");
        assertEquals(Map.of("Ref", TOPIC), subscription.get("TopicArn"));
        assertEquals("email", subscription.get("Protocol"));
        assertEquals(Map.of("Ref", "AlarmEmail"), subscription.get("Endpoint"));
    }

    @Test
    void theDashboard_showsTheFlowsAndEveryFunctionsHealth_andIsValidJsonOnceSubstituted() throws Exception {
        Object body = TEMPLATE.resourceProperties("OperationsDashboard").get("DashboardBody");
        String text = (String) ((Map<?, ?>) body).get("Fn::Sub");
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\\$\\{([A-Za-z:]+)(\\.[A-Za-z]+)?}").matcher(text);
        java.util.Set<String> referenced = new java.util.TreeSet<>();
        while (refs.find()) {
            referenced.add(refs.group(1));
        }
        for (String ref : referenced) {
            assertTrue(ref.startsWith("AWS::") || TEMPLATE.resourceProperties(ref) != null, ref);
        }
        com.fasterxml.jackson.databind.JsonNode dashboard = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(text.replaceAll("\\$\\{[^}]+}", "x"));
        String widgets = dashboard.get("widgets").toString();
        for (String flow : List.of("Clicks", "Leads", "Sales", "Commissions", "\"Send\"", "Delivery", "Bounce", "Complaint")) {
            assertTrue(widgets.contains(flow), flow);
        }
        for (FunctionDef function : TEMPLATE.functions()) {
            assertTrue(referenced.contains(function.logicalId()), "the health of " + function.logicalId());
        }
    }

    @Test
    void everyFunction_logsToALogGroupOfItsOwn_keptForTheRetentionParameter() {
        for (FunctionDef function : TEMPLATE.functions()) {
            Map<?, ?> logging = (Map<?, ?>) TEMPLATE.resourceProperties(function.logicalId()).get("LoggingConfig");
            assertEquals(Map.of("Ref", function.logicalId() + "Logs"), logging.get("LogGroup"), function.logicalId());
        }
        List<String> groups = TEMPLATE.resourcesOfType("AWS::Logs::LogGroup");
        assertEquals(TEMPLATE.functions().size(), groups.size(), "no log group without a function: " + groups);
        for (String group : groups) {
            assertEquals(Map.of("Ref", "LogRetentionDays"), TEMPLATE.resourceProperties(group).get("RetentionInDays"),
                    group);
        }
        assertEquals("30", TEMPLATE.parameterDefaults().get("LogRetentionDays"));
    }

    private static List<Map<String, Object>> alarms() {
        return TEMPLATE.resourcesOfType("AWS::CloudWatch::Alarm").stream().map(TEMPLATE::resourceProperties).toList();
    }

    private static Optional<Map<String, Object>> sesAlarm(String metric) {
        return alarms().stream().filter(a -> "AWS/SES".equals(a.get("Namespace")) && metric.equals(a.get("MetricName")))
                .findFirst();
    }

    private static void assertNotifiesTheTopic(Map<String, Object> alarm) {
        assertEquals(List.of(Map.of("Ref", TOPIC)), alarm.get("AlarmActions"), String.valueOf(alarm.get("AlarmDescription")));
        assertFalse(Boolean.FALSE.equals(alarm.get("ActionsEnabled")));
        assertTrue(TEMPLATE.resourcesOfType("AWS::SNS::Topic").contains(TOPIC));
    }

    private static Map<?, ?> metricOf(Object metricDataQuery) {
        return (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) metricDataQuery).get("MetricStat")).get("Metric");
    }

    private static String metricName(Object metricDataQuery) {
        return (String) metricOf(metricDataQuery).get("MetricName");
    }

    /** The logical id a dimension named {@code name} points at ({@code !Ref X} or {@code !GetAtt X.Attr}). */
    private static String dimensionTarget(Object dimensions, String name) {
        if (!(dimensions instanceof List<?> list)) {
            return null;
        }
        for (Object d : list) {
            if (d instanceof Map<?, ?> dimension && name.equals(dimension.get("Name"))) {
                Object value = dimension.get("Value");
                if (value instanceof Map<?, ?> map && map.get("Ref") instanceof String ref) {
                    return ref;
                }
                if (value instanceof Map<?, ?> map && map.get("Fn::GetAtt") instanceof List<?> getAtt) {
                    return (String) getAtt.getFirst();
                }
            }
        }
        return null;
    }
}

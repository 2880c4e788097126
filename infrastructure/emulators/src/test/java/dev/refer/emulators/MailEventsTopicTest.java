package dev.refer.emulators;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SES publishes bounces and complaints to MailEventsTopic. An encrypted topic takes only publishers that may use its
 * key, and the AWS-managed {@code alias/aws/sns} key's policy cannot be changed to let SES: so the topic is encrypted
 * with a key of the stack whose policy lets {@code ses.amazonaws.com} use it, for this account only, and rotates.
 */
class MailEventsTopicTest {

    private static final SamTemplate TEMPLATE = SamTemplate.load();

    @Test
    void theTopicsKey_isTheStacksOwn_rotated_andLetsSesOfThisAccountEncrypt() {
        Object keyId = TEMPLATE.resourceProperties("MailEventsTopic").get("KmsMasterKeyId");
        String key = referencedResource(keyId);
        assertTrue(TEMPLATE.resourcesOfType("AWS::KMS::Key").contains(key),
                "MailEventsTopic's KmsMasterKeyId must refer to an AWS::KMS::Key of the stack, not " + keyId);

        Map<String, Object> properties = TEMPLATE.resourceProperties(key);
        assertEquals(Boolean.TRUE, properties.get("EnableKeyRotation"), key + " rotates");
        List<Map<String, Object>> statements = statements(properties.get("KeyPolicy"));

        assertTrue(statements.stream().anyMatch(s -> "Allow".equals(s.get("Effect"))
                        && principal(s, "AWS").stream().anyMatch(p -> p.contains(":root"))
                        && actions(s).contains("kms:*")),
                "the account administers its key (without it, no one could)");
        assertTrue(statements.stream().anyMatch(s -> "Allow".equals(s.get("Effect"))
                        && principal(s, "Service").contains("ses.amazonaws.com")
                        && actions(s).containsAll(List.of("kms:GenerateDataKey*", "kms:Decrypt"))
                        && conditionOnSourceAccount(s)),
                "SES (of this account) may encrypt what it publishes to the topic: " + statements);
    }

    /** {@code !Ref X} or {@code !GetAtt X.Arn}: X. */
    @SuppressWarnings("unchecked")
    private static String referencedResource(Object value) {
        if (value instanceof Map<?, ?> map && map.get("Ref") instanceof String ref) {
            return ref;
        }
        if (value instanceof Map<?, ?> map && map.get("Fn::GetAtt") instanceof List<?> getAtt) {
            return (String) getAtt.getFirst();
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Object policy) {
        Object statements = ((Map<String, Object>) policy).get("Statement");
        return statements instanceof List<?> list ? (List<Map<String, Object>>) list
                : List.of((Map<String, Object>) statements);
    }

    private static List<String> principal(Map<String, Object> statement, String kind) {
        if (!(statement.get("Principal") instanceof Map<?, ?> principal)) {
            return List.of();
        }
        return strings(principal.get(kind));
    }

    private static List<String> actions(Map<String, Object> statement) {
        return strings(statement.get("Action"));
    }

    private static boolean conditionOnSourceAccount(Map<String, Object> statement) {
        if (!(statement.get("Condition") instanceof Map<?, ?> condition)
                || !(condition.get("StringEquals") instanceof Map<?, ?> equals)) {
            return false;
        }
        return equals.entrySet().stream().anyMatch(entry -> "aws:sourceaccount".equalsIgnoreCase(
                String.valueOf(entry.getKey())) && entry.getValue() instanceof Map<?, ?> ref
                && "AWS::AccountId".equals(ref.get("Ref")));
    }

    /** A string, a list of strings, or an intrinsic ({@code !Sub '...'}): its text. */
    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().flatMap(item -> strings(item).stream()).toList();
        }
        if (value instanceof Map<?, ?> map && map.size() == 1) {
            return strings(map.values().iterator().next());
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}

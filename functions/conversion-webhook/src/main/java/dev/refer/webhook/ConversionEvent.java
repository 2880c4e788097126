package dev.refer.webhook;

import dev.refer.core.conversion.ConversionKind;
import dev.refer.core.conversion.RecordConversion;
import dev.refer.core.money.Money;
import dev.refer.core.partner.EmailAddress;
import dev.refer.core.validation.Rules;
import dev.refer.http.Json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Translates the webhook's JSON event into the record command. The public shape:
 * <pre>{"id":"evt_1","type":"sale","orderId":"inv_1","amount":12345,"currency":"EUR",
 *  "occurredAt":"2026-11-23T10:00:00Z","customer":{"externalId":"cus_1","email":"ada@acme.example"},
 *  "rid":"01J...","ref":"anna-news"}</pre>
 * {@code amount} is an integer in minor units; a refund's amount is the positive amount given back.
 */
final class ConversionEvent {

    private ConversionEvent() {
    }

    static RecordConversion.Command parse(byte[] body) {
        Map<String, Object> json = Json.parseObject(body);
        Rules rules = Rules.check();
        String id = string(json, "id", rules);
        String type = string(json, "type", rules);
        ConversionKind kind = ConversionKind.parse(type).orElse(null);
        rules.require(type == null || kind != null, "type", "must be one of sale, renewal, refund");
        Object rawAmount = json.get("amount");
        rules.require(rawAmount instanceof Integer || rawAmount instanceof Long, "amount",
                "must be an integer number of minor units (e.g. 12345 for 123.45 EUR)");
        String currencyCode = string(json, "currency", rules);
        rules.require(currencyCode != null, "currency", "is required");
        Money amount = null;
        if ((rawAmount instanceof Integer || rawAmount instanceof Long) && currencyCode != null) {
            long minor = ((Number) rawAmount).longValue();
            amount = rules.value("currency", () -> Money.of(minor, currencyCode));
        }
        Instant occurredAt = null;
        String occurred = string(json, "occurredAt", rules);
        if (occurred != null) {
            try {
                occurredAt = Instant.parse(occurred);
            } catch (DateTimeParseException e) {
                rules.require(false, "occurredAt", "must be an ISO-8601 instant, e.g. 2026-11-23T10:00:00Z");
            }
        }
        Object customer = json.get("customer");
        rules.require(customer == null || customer instanceof Map, "customer", "must be an object");
        Map<?, ?> customerFields = customer instanceof Map<?, ?> map ? map : Map.of();
        Object externalId = customerFields.get("externalId");
        rules.require(externalId == null || externalId instanceof String, "customer.externalId", "must be a string");
        Object email = customerFields.get("email");
        rules.require(email == null || email instanceof String, "customer.email", "must be a string");
        EmailAddress customerEmail = email instanceof String text && !text.isBlank()
                ? rules.value("customer.email", () -> new EmailAddress(text)) : null;
        String orderId = string(json, "orderId", rules);
        String rid = string(json, "rid", rules);
        String ref = string(json, "ref", rules);
        rules.orThrow();
        return new RecordConversion.Command(id, kind, orderId, amount, (String) externalId, customerEmail, occurredAt,
                rid, ref);
    }

    private static String string(Map<String, Object> json, String field, Rules rules) {
        Object value = json.get(field);
        rules.require(value == null || value instanceof String, field, "must be a string");
        return value instanceof String text ? text : null;
    }
}

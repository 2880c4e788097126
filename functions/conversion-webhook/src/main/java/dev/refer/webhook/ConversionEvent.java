package dev.refer.webhook;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.validation.Rules;
import dev.refer.core.conversion.ConversionCommand;
import dev.refer.core.conversion.ConversionKind;
import dev.refer.lambda.LambdaJson;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The webhook's JSON event, and its translation into the record command. The public shape:
 * <pre>{"id":"evt_1","type":"sale","orderId":"inv_1","amount":12345,"currency":"EUR",
 *  "occurredAt":"2026-11-23T10:00:00Z","customer":{"externalId":"cus_1","email":"ada@acme.example"},
 *  "rid":"01J...","ref":"anna-news"}</pre>
 * {@code amount} is an integer in minor units (a decimal or a number in quotes is refused); a refund's amount is the
 * positive amount given back. Fields a billing system adds beyond these are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ConversionEvent(String id, String type, String orderId, Long amount, String currency, String occurredAt,
                       Customer customer, String rid, String ref) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Customer(String externalId, String email) {
    }

    static ConversionCommand parse(byte[] body) {
        return LambdaJson.readBody(body, ConversionEvent.class).toCommand();
    }

    ConversionCommand toCommand() {
        Rules rules = Rules.check();
        ConversionKind kind = ConversionKind.parse(type).orElse(null);
        rules.require(type == null || kind != null, "type", "must be one of sale, renewal, refund");
        rules.require(amount != null, "amount", "must be an integer number of minor units (e.g. 12345 for 123.45 EUR)");
        rules.require(currency != null, "currency", "is required");
        Money money = amount == null || currency == null ? null
                : rules.value("currency", () -> Money.of(amount, currency));
        Instant at = null;
        if (occurredAt != null) {
            try {
                at = Instant.parse(occurredAt);
            } catch (DateTimeParseException e) {
                rules.require(false, "occurredAt", "must be an ISO-8601 instant, e.g. 2026-11-23T10:00:00Z");
            }
        }
        String email = customer == null ? null : customer.email();
        EmailAddress customerEmail = email != null && !email.isBlank()
                ? rules.value("customer.email", () -> new EmailAddress(email)) : null;
        rules.orThrow();
        return new ConversionCommand(id, kind, orderId, money, customer == null ? null : customer.externalId(),
                customerEmail, at, rid, ref);
    }
}

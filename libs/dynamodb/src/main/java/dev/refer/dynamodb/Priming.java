package dev.refer.dynamodb;

import dev.refer.core.basics.email.EmailAddress;
import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.core.partner.PartnerId;
import dev.refer.core.partner.PartnerStatus;
import dev.refer.core.program.ProgramId;
import dev.refer.dynamodb.link.LinkMapper;
import dev.refer.dynamodb.partner.PartnerMapper;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.Update;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SnapStart priming of a function's real request paths, with nothing written. Inside {@link #refused}:
 * <ul>
 *   <li>every write this process's clients send carries one more condition that can never hold
 *       ({@code attribute_not_exists(pk) AND attribute_exists(pk)}), so the function's real request (its items,
 *       mappers, transaction, marshalling, signing, the round trip and the refusal coming back) runs before the
 *       snapshot and DynamoDB refuses the write: a put or update fails its condition, a transaction is cancelled on
 *       its first item. Writes that cannot carry a condition (batch writes) fail before they are sent;</li>
 *   <li>a read of the priming link ({@link #LINK_CODE}, a reserved code no link can have) or the priming partner
 *       ({@link #PARTNER_ID}, an id no generator makes) that finds nothing is answered with a fixture item written
 *       by the adapters' own mappers, so the attributed path (partner, plan, commission, counters) is primed too.</li>
 * </ul>
 * Outside {@link #refused} requests and answers pass unchanged: the check is one thread-local read.
 */
public final class Priming implements ExecutionInterceptor {

    static final String NAME = "#refer_priming";
    static final String IMPOSSIBLE = "attribute_not_exists(" + NAME + ") AND attribute_exists(" + NAME + ")";

    /** The link code priming events carry; reserved, so no real link has it. */
    public static final String LINK_CODE = LinkCode.PRIMING;
    /** The priming partner: a ULID of time zero, which no id generator produces. */
    public static final PartnerId PARTNER_ID = new PartnerId("00000000000000000000000000");

    private static final Map<String, AttributeValue> LINK = LinkMapper.toItem(new Link(LinkCode.priming(),
            PARTNER_ID, URI.create("https://example.com/snapstart-priming"), "priming", true, true, Instant.EPOCH));
    private static final Map<String, AttributeValue> PARTNER = PartnerMapper.toItem(new Partner(PARTNER_ID,
            "SnapStart priming", new EmailAddress("priming@snapstart.invalid"), null, PartnerStatus.ACTIVE, null,
            Instant.EPOCH), new ProgramId("priming"));

    private static final ThreadLocal<Boolean> REFUSING = ThreadLocal.withInitial(() -> false);

    /** Runs {@code work} with every write refused by DynamoDB; returns what it returns. */
    public static <T> T refused(Supplier<T> work) {
        boolean outer = REFUSING.get();
        REFUSING.set(true);
        try {
            return work.get();
        } finally {
            REFUSING.set(outer);
        }
    }

    public static void refused(Runnable work) {
        refused(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!REFUSING.get()) {
            return context.request();
        }
        return switch (context.request()) {
            case PutItemRequest r -> r.toBuilder().conditionExpression(and(r.conditionExpression()))
                    .expressionAttributeNames(names(r.expressionAttributeNames())).build();
            case UpdateItemRequest r -> r.toBuilder().conditionExpression(and(r.conditionExpression()))
                    .expressionAttributeNames(names(r.expressionAttributeNames())).build();
            case DeleteItemRequest r -> r.toBuilder().conditionExpression(and(r.conditionExpression()))
                    .expressionAttributeNames(names(r.expressionAttributeNames())).build();
            case TransactWriteItemsRequest r -> refuseFirst(r);
            case BatchWriteItemRequest r -> throw new IllegalStateException(
                    "a batch write cannot be refused by a condition: prime it some other way");
            default -> context.request();
        };
    }

    @Override
    public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        if (REFUSING.get() && context.response() instanceof GetItemResponse response && !response.hasItem()
                && context.request() instanceof GetItemRequest request) {
            Map<String, AttributeValue> fixture = fixture(request.key());
            if (fixture != null) {
                return response.toBuilder().item(fixture).build();
            }
        }
        return context.response();
    }

    private static Map<String, AttributeValue> fixture(Map<String, AttributeValue> key) {
        if (key.equals(Keys.link(LinkCode.priming()))) {
            return LINK;
        }
        if (key.equals(Keys.partner(PARTNER_ID))) {
            return PARTNER;
        }
        return null;
    }

    private static TransactWriteItemsRequest refuseFirst(TransactWriteItemsRequest request) {
        List<TransactWriteItem> items = new ArrayList<>(request.transactItems());
        TransactWriteItem first = items.getFirst();
        TransactWriteItem.Builder refused = first.toBuilder();
        if (first.put() != null) {
            Put put = first.put();
            refused.put(put.toBuilder().conditionExpression(and(put.conditionExpression()))
                    .expressionAttributeNames(names(put.expressionAttributeNames())).build());
        } else if (first.update() != null) {
            Update update = first.update();
            refused.update(update.toBuilder().conditionExpression(and(update.conditionExpression()))
                    .expressionAttributeNames(names(update.expressionAttributeNames())).build());
        } else if (first.delete() != null) {
            Delete delete = first.delete();
            refused.delete(delete.toBuilder().conditionExpression(and(delete.conditionExpression()))
                    .expressionAttributeNames(names(delete.expressionAttributeNames())).build());
        } else {
            ConditionCheck check = first.conditionCheck();
            refused.conditionCheck(check.toBuilder().conditionExpression(and(check.conditionExpression()))
                    .expressionAttributeNames(names(check.expressionAttributeNames())).build());
        }
        items.set(0, refused.build());
        return request.toBuilder().transactItems(items).build();
    }

    private static String and(String condition) {
        return condition == null || condition.isBlank() ? IMPOSSIBLE : "(" + condition + ") AND " + IMPOSSIBLE;
    }

    private static Map<String, String> names(Map<String, String> names) {
        Map<String, String> all = new HashMap<>(names == null ? Map.of() : names);
        all.put(NAME, Keys.PK);
        return all;
    }
}

package dev.refer.core.fakes;

import dev.refer.core.coupon.PromotionCode;
import dev.refer.core.coupon.PromotionCodes;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The promotion code ties in memory; a tie is a put-if-absent, as the table's conditional write. */
public final class InMemoryPromotionCodes implements PromotionCodes {

    public final Map<String, PromotionCode> ties = new ConcurrentHashMap<>();
    public int reads;

    @Override
    public Optional<PromotionCode> find(String promotionCodeId) {
        reads++;
        return Optional.ofNullable(ties.get(promotionCodeId));
    }

    @Override
    public Optional<PromotionCode> tie(PromotionCode tie) {
        return Optional.ofNullable(ties.putIfAbsent(tie.id(), tie));
    }
}

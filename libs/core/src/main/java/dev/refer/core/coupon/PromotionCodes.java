package dev.refer.core.coupon;

import java.util.Optional;

/** The promotion codes tied to referral codes: one key read per code, and a tie written once. */
public interface PromotionCodes {

    /** Used where no promotion code applies (and by tests of the paths before it). */
    PromotionCodes NONE = new PromotionCodes() {
        @Override
        public Optional<PromotionCode> find(String promotionCodeId) {
            return Optional.empty();
        }

        @Override
        public Optional<PromotionCode> tie(PromotionCode tie) {
            throw new UnsupportedOperationException("no promotion codes here");
        }
    };

    Optional<PromotionCode> find(String promotionCodeId);

    /**
     * Stores the tie unless the promotion code is tied already (a conditional write): empty when stored, else the
     * tie that holds the promotion code.
     */
    Optional<PromotionCode> tie(PromotionCode tie);
}

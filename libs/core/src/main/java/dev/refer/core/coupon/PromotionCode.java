package dev.refer.core.coupon;

import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.PartnerId;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A billing system's promotion code (Stripe's {@code promo_...} id: what its events carry, not the text the buyer
 * typed) tied to a partner's referral code, the link code: a sale paid with the promotion code is that link's
 * partner's, as if the buyer had named the code at checkout. Tied once and for good: a code printed on a partner's
 * flyers must not change hands.
 */
public record PromotionCode(String id, LinkCode code, PartnerId partnerId, Instant tiedAt) {

    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$");

    public PromotionCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(tiedAt, "tiedAt");
        id = validId(id);
    }

    /** The id as the billing system names it ({@code promo_1Mr...}): 3-128 letters, digits, '-' or '_'. */
    public static String validId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw Invalid.field("promotionCodeId", "must be the billing system's promotion code id (e.g. promo_1Mr"
                    + "...), 3-128 letters, digits, '-' or '_'");
        }
        return id;
    }

    public static boolean isWellFormed(String id) {
        return id != null && ID.matcher(id).matches();
    }
}

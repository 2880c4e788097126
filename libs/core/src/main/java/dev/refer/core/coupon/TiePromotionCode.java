package dev.refer.core.coupon;

import dev.refer.core.link.Link;
import dev.refer.core.link.LinkCode;
import dev.refer.core.link.LinkLookup;

import java.time.Clock;
import java.util.Optional;

/**
 * The program manager ties a billing system's promotion code to a partner's referral code (an existing link code), so
 * the sales paid with it are the partner's. Tied once: the same tie again answers it unchanged; another code for a
 * promotion code tied already is refused (what a partner handed out must keep paying that partner).
 */
public final class TiePromotionCode {

    public sealed interface Result {
        record Tied(PromotionCode tie) implements Result {
        }

        record AlreadyTied(PromotionCode tie) implements Result {
        }

        /** The promotion code is tied to another referral code. */
        record TiedElsewhere(PromotionCode tie) implements Result {
        }

        record UnknownCode(String code) implements Result {
        }
    }

    private final LinkLookup links;
    private final PromotionCodes codes;
    private final Clock clock;

    public TiePromotionCode(LinkLookup links, PromotionCodes codes, Clock clock) {
        this.links = links;
        this.codes = codes;
        this.clock = clock;
    }

    public Result tie(String promotionCodeId, String code) {
        String id = PromotionCode.validId(promotionCodeId);
        LinkCode linkCode = new LinkCode(code);
        Optional<Link> link = links.find(linkCode);
        if (link.isEmpty()) {
            return new Result.UnknownCode(code);
        }
        PromotionCode tie = new PromotionCode(id, linkCode, link.get().partnerId(), clock.instant());
        Optional<PromotionCode> holder = codes.tie(tie);
        if (holder.isEmpty()) {
            return new Result.Tied(tie);
        }
        return holder.get().code().equals(linkCode) ? new Result.AlreadyTied(holder.get())
                : new Result.TiedElsewhere(holder.get());
    }
}

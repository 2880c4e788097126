package dev.refer.admin;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.refer.core.coupon.PromotionCode;
import dev.refer.core.coupon.PromotionCodes;
import dev.refer.core.coupon.TiePromotionCode;
import dev.refer.lambda.HttpRequest;
import dev.refer.lambda.HttpResponse;
import dev.refer.lambda.Problem;
import dev.refer.lambda.Problems;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Referral codes as coupons: the program manager ties a billing system's promotion code (Stripe's {@code promo_...}
 * id) to a partner's referral code, so the sales paid with it are the partner's ({@code /webhooks/stripe}).
 */
final class PromotionCodeRoutes {

    record TieBody(String code) {
    }

    private final TiePromotionCode tie;
    private final PromotionCodes codes;

    PromotionCodeRoutes(TiePromotionCode tie, PromotionCodes codes) {
        this.tie = tie;
        this.codes = codes;
    }

    /** {@code PUT /admin/promotion-codes/{promotionCodeId}} with {@code {"code":"<referral code>"}}. */
    APIGatewayV2HTTPResponse put(HttpRequest request) {
        String id = PromotionCode.validId(request.pathParameter("promotionCodeId").orElse(null));
        TieBody body = request.jsonBody(TieBody.class, AdminRoutes.MAX_BODY_BYTES);
        String code = body == null ? null : body.code();
        if (code == null || code.isBlank()) {
            return HttpResponse.problem(Problem.invalidField("code", "is required: the partner's referral (link) code"));
        }
        return switch (tie.tie(id, code)) {
            case TiePromotionCode.Result.Tied tied -> HttpResponse.json(201, json(tied.tie()));
            case TiePromotionCode.Result.AlreadyTied same -> HttpResponse.json(200, json(same.tie()));
            case TiePromotionCode.Result.TiedElsewhere other -> HttpResponse.problem(new Problem(409,
                    Problem.TYPE_BASE + "promotion-code-tied", "The promotion code is tied already",
                    "Promotion code " + id + " is tied to referral code " + other.tie().code()
                            + "; a tie is kept for good.",
                    List.of(new Problem.FieldError("code", "the promotion code is tied to another referral code"))));
            case TiePromotionCode.Result.UnknownCode unknown -> HttpResponse.problem(new Problem(422,
                    Problem.TYPE_BASE + "unknown-code", "No such referral code",
                    "No link has the code " + unknown.code() + ".",
                    List.of(new Problem.FieldError("code", "must be an existing link code"))));
        };
    }

    /** {@code GET /admin/promotion-codes/{promotionCodeId}}: the tie, or 404. */
    APIGatewayV2HTTPResponse get(HttpRequest request) {
        String id = request.pathParameter("promotionCodeId").orElse(null);
        if (!PromotionCode.isWellFormed(id)) {
            return HttpResponse.problem(Problems.notFound("promotion code"));
        }
        return codes.find(id).map(tie -> HttpResponse.json(200, json(tie)))
                .orElseGet(() -> HttpResponse.problem(Problems.notFound("promotion code")));
    }

    private static Map<String, Object> json(PromotionCode tie) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("promotionCodeId", tie.id());
        json.put("code", tie.code().value());
        json.put("partnerId", tie.partnerId().value());
        json.put("tiedAt", tie.tiedAt().toString());
        return json;
    }
}

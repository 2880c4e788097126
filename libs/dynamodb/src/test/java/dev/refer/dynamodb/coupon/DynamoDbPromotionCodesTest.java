package dev.refer.dynamodb.coupon;

import dev.refer.core.coupon.PromotionCode;
import dev.refer.core.coupon.TiePromotionCode;
import dev.refer.core.link.LinkCode;
import dev.refer.core.partner.Partner;
import dev.refer.dynamodb.Fixtures;
import dev.refer.dynamodb.TestTable;
import dev.refer.dynamodb.link.DynamoDbLinkRepository;
import dev.refer.dynamodb.partner.DynamoDbPartnerRepository;
import dev.refer.table.TableKeys;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The promotion code ties on DynamoDB Local: one item per promotion code, written once, read by its key. */
class DynamoDbPromotionCodesTest {

    private final Fixtures fixtures = new Fixtures();
    private final TestTable table = TestTable.create();
    private final DynamoDbPromotionCodes codes = new DynamoDbPromotionCodes(table.client(), table.config());
    private final DynamoDbLinkRepository links = new DynamoDbLinkRepository(table.client(), table.config());
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private final TiePromotionCode tie = new TiePromotionCode(links, codes, clock);
    private final Partner anna = partner("anna@partner.example");
    private final Partner bruno = partner("bruno@partner.example");

    DynamoDbPromotionCodesTest() {
        links.create(fixtures.link(anna.id(), "anna-news"));
        links.create(fixtures.link(bruno.id(), "bruno-blog"));
    }

    private Partner partner(String email) {
        Partner partner = fixtures.partner(email);
        new DynamoDbPartnerRepository(table.client(), table.config()).create(partner);
        return partner;
    }

    @Test
    void tie_thenFind_roundTripsTheItem_underItsKey() {
        PromotionCode tied = assertInstanceOf(TiePromotionCode.Result.Tied.class, tie.tie("promo_1Anna", "anna-news"))
                .tie();
        assertEquals(tied, codes.find("promo_1Anna").orElseThrow());
        var key = TableKeys.promotionCode(table.config().programId().value(), "promo_1Anna");
        var item = table.item(key.pk(), key.sk());
        assertEquals("PROMOTION_CODE", item.get("type").s());
        assertEquals("anna-news", item.get("code").s());
        assertEquals(anna.id().value(), item.get("partnerId").s());
        assertTrue(codes.find("promo_unknown").isEmpty());
    }

    @Test
    void aSecondTie_isRefused_andAnswersTheHolderWithoutChangingIt() {
        tie.tie("promo_1Anna", "anna-news");
        assertInstanceOf(TiePromotionCode.Result.AlreadyTied.class, tie.tie("promo_1Anna", "anna-news"));
        TiePromotionCode.Result other = tie.tie("promo_1Anna", "bruno-blog");
        assertEquals(new LinkCode("anna-news"),
                assertInstanceOf(TiePromotionCode.Result.TiedElsewhere.class, other).tie().code());
        assertEquals(anna.id(), codes.find("promo_1Anna").orElseThrow().partnerId());
        assertEquals(1, table.count("PROMOTION_CODE"));
    }

    @Test
    void concurrentTies_ofOnePromotionCode_exactlyOneWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<TiePromotionCode.Result>> ties = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String code = i % 2 == 0 ? "anna-news" : "bruno-blog";
                ties.add(() -> tie.tie("promo_race", code));
            }
            long won = 0;
            for (Future<TiePromotionCode.Result> result : pool.invokeAll(ties)) {
                if (result.get() instanceof TiePromotionCode.Result.Tied) {
                    won++;
                }
            }
            assertEquals(1, won);
            assertEquals(1, table.count("PROMOTION_CODE"));
        } finally {
            pool.shutdownNow();
        }
    }
}

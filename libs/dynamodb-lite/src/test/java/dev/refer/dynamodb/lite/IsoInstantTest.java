package dev.refer.dynamodb.lite;

import org.junit.jupiter.api.Test;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** IsoInstant must be indistinguishable from Instant.toString() and Instant.parse, which the SDK adapters use. */
class IsoInstantTest {

    private static final long YEAR_0000 = -62_167_219_200L;
    private static final long YEAR_10000 = 253_402_300_800L;

    @Test
    void format_forManyInstantsOfEveryPrecision_isInstantToString() {
        SplittableRandom random = new SplittableRandom(20260504);
        for (int i = 0; i < 200_000; i++) {
            long seconds = random.nextLong(YEAR_0000 - 1000, YEAR_10000 + 1000);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String expected = instant.toString();

            assertEquals(expected, IsoInstant.format(instant));
            assertEquals(instant, IsoInstant.parse(expected), expected);
        }
    }

    @Test
    void format_atTheEdges_isInstantToString() {
        for (Instant instant : List.of(Instant.EPOCH, Instant.ofEpochSecond(YEAR_0000), Instant.ofEpochSecond(-1),
                Instant.ofEpochSecond(YEAR_10000 - 1, 999_999_999), Instant.ofEpochSecond(YEAR_10000),
                Instant.ofEpochSecond(YEAR_0000 - 1), Instant.MAX, Instant.MIN,
                Instant.parse("2026-05-04T10:00:00Z"), Instant.parse("2026-05-04T10:00:00.100Z"),
                Instant.parse("2024-02-29T23:59:59.000001Z"), Instant.parse("2026-05-04T10:00:00.000000001Z"))) {
            assertEquals(instant.toString(), IsoInstant.format(instant));
            assertEquals(instant, IsoInstant.parse(instant.toString()));
        }
    }

    @Test
    void parse_forEveryOtherShape_answersAsInstantParse() {
        for (String text : List.of("2026-05-04T10:00:00.1Z", "2026-05-04T10:00:00.12Z", "2026-05-04T10:00:00.1234Z",
                "2026-05-04T10:00:00.12345678Z", "2026-05-04t10:00:00z", "2026-05-04T10:00:00+02:00",
                "2026-05-04T24:00:00Z", "2026-12-31T23:59:60Z", "+12026-05-04T10:00:00Z", "-0001-05-04T10:00:00Z",
                "2026-05-04T10:00:00.Z")) { // the JDK takes a point without digits
            assertEquals(Instant.parse(text), IsoInstant.parse(text), text);
        }
    }

    @Test
    void parse_whenInvalid_failsAsInstantParse() {
        for (String text : List.of("2026-04-31T10:00:00Z", "2026-13-01T10:00:00Z", "2026-05-04T10:60:00Z",
                "2026-05-04T10:00:00.1234567890Z", "2026-05-04 10:00:00Z", "2026-05-04",
                "2026-0a-04T10:00:00Z", "", "2026-05-04T10:00:00.12a4Z")) {
            assertThrows(DateTimeException.class, () -> Instant.parse(text), text);
            assertThrows(DateTimeException.class, () -> IsoInstant.parse(text), text);
        }
    }
}

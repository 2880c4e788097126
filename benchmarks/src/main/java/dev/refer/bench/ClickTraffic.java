package dev.refer.bench;

import dev.refer.core.basics.ids.UlidGenerator;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/**
 * A program's click traffic as the cost figures assume it: {@code links} links owned by {@code partners} partners
 * (each link's owner drawn at random, so a partner has links of every popularity), clicks spread over the links by a
 * Zipf law (the link of popularity rank k gets a share proportional to 1/k^exponent). Seeded: every run draws the
 * same clicks.
 */
final class ClickTraffic {

    private final String[] codes;
    private final String[] owners;
    private final double[] cumulative;
    private final Random random;

    ClickTraffic(int links, int partners, double exponent, long seed) {
        this.random = new Random(seed);
        UlidGenerator ids = new UlidGenerator(Clock.systemUTC());
        String[] partnerIds = new String[partners];
        for (int i = 0; i < partners; i++) {
            partnerIds[i] = ids.newId();
        }
        codes = new String[links];
        owners = new String[links];
        cumulative = new double[links];
        double total = 0;
        for (int rank = 0; rank < links; rank++) {
            codes[rank] = "link-" + Integer.toString(rank, 36) + "-" + Integer.toString(random.nextInt(1 << 20), 36);
            owners[rank] = partnerIds[random.nextInt(partners)];
            total += 1 / Math.pow(rank + 1, exponent);
            cumulative[rank] = total;
        }
        for (int rank = 0; rank < links; rank++) {
            cumulative[rank] /= total;
        }
    }

    int links() {
        return codes.length;
    }

    /** The popularity rank of the next click's link. */
    int nextLink() {
        int found = Arrays.binarySearch(cumulative, random.nextDouble());
        int rank = found >= 0 ? found : -found - 1;
        return Math.min(rank, codes.length - 1);
    }

    String code(int link) {
        return codes[link];
    }

    String owner(int link) {
        return owners[link];
    }

    Random random() {
        return random;
    }

    /**
     * The share of clicks that find their link missing or expired in the redirect's per-environment cache, for
     * {@code clicks} clicks arriving at {@code perSecond} (Poisson), each served by one of {@code environments}
     * execution environments at random, with entries kept {@code ttlSeconds}.
     */
    double cacheMissRatio(int clicks, double perSecond, int environments, double ttlSeconds) {
        @SuppressWarnings("unchecked")
        Map<Integer, Double>[] fetched = new Map[environments];
        for (int i = 0; i < environments; i++) {
            fetched[i] = new HashMap<>();
        }
        double now = 0;
        int misses = 0;
        for (int i = 0; i < clicks; i++) {
            now += -Math.log(1 - random.nextDouble()) / perSecond;
            int link = nextLink();
            Map<Integer, Double> cache = fetched[random.nextInt(environments)];
            Double at = cache.get(link);
            if (at == null || now - at >= ttlSeconds) {
                misses++;
                cache.put(link, now);
            }
        }
        return (double) misses / clicks;
    }
}

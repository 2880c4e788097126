package dev.refer.core.stats;

import dev.refer.core.partner.PartnerId;

import java.time.YearMonth;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where counted clicks wait to be rolled up into each partner's monthly click counts. The stream consumer writes one
 * delta per chunk of clicks (its clicks per partner, link and month) into the open <em>epoch</em>; {@link RollUpClicks}
 * seals an epoch (writers move on to the next) and adds its deltas to the partners' monthly items, each at most
 * once. So counting a click costs a share of one small delta instead of an update of every counter it touches.
 */
public interface ClickRollups {

    /** The last epoch sealed (closed to writers) and the last one fully rolled up; 0 before the first. */
    record Epochs(long sealed, long rolled) {
    }

    /** Clicks of one partner in one month within an epoch: the total and the count per link code. */
    record PartnerClicks(PartnerId partnerId, YearMonth month, long clicks, Map<String, Long> perLink) {
        public PartnerClicks {
            Objects.requireNonNull(partnerId, "partnerId");
            Objects.requireNonNull(month, "month");
            perLink = Map.copyOf(perLink);
        }
    }

    /** One delta's line: {@code clicks} clicks on {@code linkCode} of a partner in a month. */
    record DeltaLine(PartnerId partnerId, YearMonth month, String linkCode, long clicks) {
    }

    Epochs epochs();

    /** Closes {@code epoch} to writers (they write to the next one from now on); no-op if already sealed. */
    void seal(long epoch);

    /** Every line of every delta written into {@code epoch} (sealed: no more will come), strongly consistent. */
    void readDeltas(long epoch, Consumer<DeltaLine> lines);

    /**
     * Adds one partner-month's clicks of {@code epoch} to its counts, unless that epoch's were added before (a
     * rerun after a crash).
     *
     * @return false when they had been added before
     */
    boolean add(long epoch, PartnerClicks clicks);

    /** Records {@code epoch} as fully rolled up: the next run takes the next one. */
    void rolled(long epoch);
}

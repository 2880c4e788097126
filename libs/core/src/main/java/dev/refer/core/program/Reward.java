package dev.refer.core.program;

import dev.refer.core.basics.money.Money;
import dev.refer.core.basics.validation.Invalid;

/** What one rewarded event pays: a share of the amount in basis points, or a flat amount. */
public sealed interface Reward {

    /** The commission this reward pays on {@code amount}. */
    Money on(Money amount);

    /** The rule in words, kept on each ledger entry so a statement can say why it paid what it paid. */
    String describe();

    /** {@code bps} basis points of the amount: 2,000 bps = 20 %. */
    record Percent(int bps) implements Reward {
        public Percent {
            if (bps < 0 || bps > 10_000) {
                throw Invalid.field("rateBps", "must be between 0 and 10000 basis points");
            }
        }

        @Override
        public Money on(Money amount) {
            return amount.percent(bps);
        }

        @Override
        public String describe() {
            return java.math.BigDecimal.valueOf(bps, 2).stripTrailingZeros().toPlainString() + "% of the amount";
        }
    }

    record Flat(Money amount) implements Reward {
        public Flat {
            if (amount.minor() < 0) {
                throw Invalid.field("flatMinor", "must not be negative");
            }
        }

        @Override
        public Money on(Money ignored) {
            return amount;
        }

        @Override
        public String describe() {
            return "flat " + amount;
        }
    }
}

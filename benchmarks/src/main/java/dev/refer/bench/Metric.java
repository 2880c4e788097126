package dev.refer.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** One printed figure: {@code name: value}. */
public record Metric(String name, String value) {

    public static Metric of(String name, double value, int decimals) {
        return new Metric(name, BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString());
    }

    public static Metric of(String name, long value) {
        return new Metric(name, Long.toString(value));
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}

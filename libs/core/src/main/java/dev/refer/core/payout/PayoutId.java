package dev.refer.core.payout;

import dev.refer.core.basics.ids.Ulid;
import dev.refer.core.basics.validation.Invalid;
import dev.refer.core.partner.PartnerId;

import java.time.DateTimeException;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Objects;

/**
 * A payout's id, derived from what it pays: {@code {period}-{currency}-{partnerId}}, e.g.
 * {@code 2026-11-EUR-01JD...}. The same partner, period and currency always name the same payout, so a rerun or a
 * redelivered message finds the payout it made before instead of making a second.
 */
public record PayoutId(String value) {

    public PayoutId {
        Objects.requireNonNull(value, "value");
    }

    public static PayoutId of(YearMonth period, Currency currency, PartnerId partnerId) {
        return new PayoutId(period + "-" + currency.getCurrencyCode() + "-" + partnerId.value());
    }

    /** Reads an id from a request; a 400 on {@code field} when it is not one. */
    public static PayoutId parse(String value, String field) {
        if (value == null || value.length() != 7 + 1 + 3 + 1 + 26) {
            throw Invalid.field(field, "is not a payout id");
        }
        try {
            YearMonth.parse(value.substring(0, 7));
            Currency.getInstance(value.substring(8, 11));
        } catch (DateTimeException | IllegalArgumentException e) {
            throw Invalid.field(field, "is not a payout id");
        }
        if (value.charAt(7) != '-' || value.charAt(11) != '-' || !Ulid.isValid(value.substring(12))) {
            throw Invalid.field(field, "is not a payout id");
        }
        return new PayoutId(value);
    }

    public YearMonth period() {
        return YearMonth.parse(value.substring(0, 7));
    }

    public Currency currency() {
        return Currency.getInstance(value.substring(8, 11));
    }

    public PartnerId partnerId() {
        return new PartnerId(value.substring(12));
    }

    @Override
    public String toString() {
        return value;
    }
}

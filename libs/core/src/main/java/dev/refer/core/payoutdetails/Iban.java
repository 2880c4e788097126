package dev.refer.core.payoutdetails;

import dev.refer.core.basics.validation.Invalid;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An International Bank Account Number (ISO 13616), normalised (spaces removed, upper case) and checked: its shape,
 * its length for the countries listed (an unlisted country is held to the standard's 15 to 34 characters) and its
 * check digits (ISO 7064 mod 97-10: the four first characters moved to the end, letters as 10..35, the number mod 97
 * is 1). The check digits catch every single typo and almost every transposition, which is what a partner typing
 * their account number needs; whether the account exists only the bank knows.
 */
public record Iban(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    /** Lengths by country (the SWIFT IBAN registry), for the countries our partners are most likely in. */
    static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AE", 23), Map.entry("AL", 28), Map.entry("AT", 20), Map.entry("AZ", 28),
            Map.entry("BA", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("BH", 22), Map.entry("BR", 29),
            Map.entry("CH", 21), Map.entry("CR", 22), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22),
            Map.entry("DK", 18), Map.entry("DO", 28), Map.entry("EE", 20), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FO", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GE", 22), Map.entry("GI", 23),
            Map.entry("GL", 18), Map.entry("GR", 27), Map.entry("GT", 28), Map.entry("HR", 21), Map.entry("HU", 28),
            Map.entry("IE", 22), Map.entry("IL", 23), Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("JO", 30),
            Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LI", 21), Map.entry("LT", 20),
            Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MD", 24), Map.entry("ME", 22),
            Map.entry("MK", 19), Map.entry("MR", 27), Map.entry("MT", 31), Map.entry("MU", 30), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("PK", 24), Map.entry("PL", 28), Map.entry("PS", 29), Map.entry("PT", 25),
            Map.entry("QA", 29), Map.entry("RO", 24), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SE", 24),
            Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27), Map.entry("TN", 24), Map.entry("TR", 26),
            Map.entry("UA", 29), Map.entry("VG", 24), Map.entry("XK", 20));

    public Iban {
        if (value == null || value.isBlank()) {
            throw Invalid.field("iban", "is required");
        }
        value = value.replace(" ", "").replace("\u00a0", "").toUpperCase(Locale.ROOT);
        if (value.length() > 34 || !SHAPE.matcher(value).matches()) {
            throw Invalid.field("iban", "must be an IBAN: a country code, two check digits and up to 30 letters"
                    + " and digits");
        }
        Integer length = LENGTHS.get(value.substring(0, 2));
        if (length != null && value.length() != length) {
            throw Invalid.field("iban", "must have " + length + " characters for " + value.substring(0, 2));
        }
        if (!checksumHolds(value)) {
            throw Invalid.field("iban", "has wrong check digits (mistyped?)");
        }
    }

    /** ISO 7064 mod 97-10 over the rearranged number. */
    static boolean checksumHolds(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    public String country() {
        return value.substring(0, 2);
    }

    /** In groups of four, as printed on bank statements. */
    public String formatted() {
        return groups(value, false);
    }

    /**
     * Masked for display: the first group (country and check digits) and the last group shown, every other
     * character a {@code *}: {@code DE89 **** **** **** **** 00}.
     */
    public String masked() {
        return groups(value, true);
    }

    private static String groups(String value, boolean mask) {
        StringBuilder out = new StringBuilder();
        int groups = (value.length() + 3) / 4;
        for (int g = 0; g < groups; g++) {
            String group = value.substring(g * 4, Math.min(value.length(), g * 4 + 4));
            if (g > 0) {
                out.append(' ');
            }
            out.append(mask && g > 0 && g < groups - 1 ? "*".repeat(group.length()) : group);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "Iban[" + masked() + "]";
    }
}

package dev.refer.lambda;

import java.util.regex.Pattern;

/**
 * Cells of the CSV files people open in a spreadsheet (the manager's payouts, a partner's money): a text a partner
 * wrote (an account holder, a reference) that starts like a formula ({@code =}, {@code +}, {@code -}, {@code @}, a
 * tab or a carriage return) is written with a leading apostrophe, so the spreadsheet shows it as text and never runs
 * it (CSV injection). Numbers, negative amounts among them, are left as they are.
 */
public final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private CsvCells() {
    }

    public static Object[] safe(Object... values) {
        Object[] cells = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            cells[i] = values[i] instanceof String text ? safe(text) : values[i];
        }
        return cells;
    }

    static String safe(String text) {
        if (text.isEmpty() || NUMBER.matcher(text).matches()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}

package dev.refer.table;

/**
 * One item's primary key: the values of the table's {@code pk} and {@code sk} attributes ({@link TableKeys#PK},
 * {@link TableKeys#SK}). Each client turns it into its own attribute map.
 */
public record TableKey(String pk, String sk) {
}

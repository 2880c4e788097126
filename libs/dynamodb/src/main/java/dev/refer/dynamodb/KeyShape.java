package dev.refer.dynamodb;

import java.util.List;

/**
 * The key attributes a listing pages by: the base table's ({@code pk}, {@code sk}) or an index's, which DynamoDB
 * pairs with the table's own keys in a start key.
 *
 * @param index the index queried, or null for the base table
 */
public record KeyShape(String index, String partitionAttribute, String sortAttribute, List<String> attributes) {

    public static final KeyShape TABLE = new KeyShape(null, Keys.PK, Keys.SK, List.of(Keys.PK, Keys.SK));
    public static final KeyShape GSI1 = new KeyShape(Keys.GSI1, Keys.GSI1PK, Keys.GSI1SK,
            List.of(Keys.PK, Keys.SK, Keys.GSI1PK, Keys.GSI1SK));
    public static final KeyShape GSI2 = new KeyShape(Keys.GSI2, Keys.GSI2PK, Keys.GSI2SK,
            List.of(Keys.PK, Keys.SK, Keys.GSI2PK, Keys.GSI2SK));
}

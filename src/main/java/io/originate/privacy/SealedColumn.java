package io.originate.privacy;

import java.util.Optional;

/**
 * A column holding values sealed by {@link PiiCipher}, as {@link KeyRotation} re-seals it: its
 * table, the column that identifies a row, and how the associated data is formed (the row's value
 * of {@code associatedColumn}, plus a suffix). A sealed value inside a JSON document (an event in
 * the publication registry) names its field, and the field the associated data comes from.
 * {@code keyIdColumn}, when given, is kept equal to the id of the sealing key; {@code onlyWhere},
 * when not empty, is an SQL condition on the rows whose column is sealed this way.
 */
public record SealedColumn(
        String table,
        String rowKey,
        String column,
        String associatedColumn,
        String associatedSuffix,
        Optional<String> keyIdColumn,
        Optional<JsonField> json,
        String onlyWhere) {

    /** A sealed value in the field {@code field} of a JSON document, bound to the field {@code associatedField}. */
    public record JsonField(String field, String associatedField) {}

    /** A column whose values are bound to the row's key. */
    public static SealedColumn of(String table, String rowKey, String column) {
        return new SealedColumn(table, rowKey, column, rowKey, "", Optional.empty(), Optional.empty(), "");
    }

    /** A JSON document whose field {@code field} is sealed, bound to its field {@code associatedField}. */
    public static SealedColumn jsonField(
            String table, String rowKey, String column, String field, String associatedField) {
        return new SealedColumn(
                table,
                rowKey,
                column,
                rowKey,
                "",
                Optional.empty(),
                Optional.of(new JsonField(field, associatedField)),
                "");
    }

    /** ... bound to another column's value, plus a suffix. */
    public SealedColumn boundTo(String column, String suffix) {
        return new SealedColumn(table, rowKey, this.column, column, suffix, keyIdColumn, json, onlyWhere);
    }

    public SealedColumn keyIdIn(String column) {
        return new SealedColumn(
                table, rowKey, this.column, associatedColumn, associatedSuffix, Optional.of(column), json, onlyWhere);
    }

    /** ... in the rows that meet an SQL condition only. */
    public SealedColumn onlyWhere(String condition) {
        return new SealedColumn(
                table, rowKey, column, associatedColumn, associatedSuffix, keyIdColumn, json, condition);
    }

    public String name() {
        return table + "." + column + json.map(j -> "." + j.field()).orElse("");
    }
}

package io.originate.privacy;

import java.util.List;

/**
 * What one module keeps sealed or blind-indexed, for {@link KeyRotation} and for erasure under the
 * retention policy: its sealed columns, and
 * the rows whose blind indexes it recomputes after a new index key (from plaintext it can open).
 * A store records the index key each row was indexed under, so that a re-index resumes where it
 * stopped.
 */
public interface SealedStore {

    default List<SealedColumn> sealedColumns() {
        return List.of();
    }

    /** Rows whose blind indexes were made under another index key than the current one. */
    default long rowsToReindex() {
        return 0;
    }

    /** Recomputes the blind indexes of up to {@code batch} such rows, each row once; returns how many. */
    default int reindex(int batch) {
        return 0;
    }

    /**
     * Erases everything personal this store keeps about one application (the retention policy):
     * sealed values deleted, not merely made unreadable. Called once per application, in its
     * transaction.
     */
    default void erase(String applicationId) {}
}

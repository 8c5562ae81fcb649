package io.originate.offer;

import java.time.Instant;

/** An offer as it was made: its disclosure, the hash the borrower accepts, and until when it is open. */
public record StoredOffer(Disclosure disclosure, String hash, Instant validUntil) {}

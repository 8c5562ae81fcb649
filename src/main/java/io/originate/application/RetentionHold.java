package io.originate.application;

import java.util.Optional;

/**
 * A reason to keep an application's personal data past the retention period, such as a complaint
 * that is not closed: the reason in words, or nothing.
 */
public interface RetentionHold {

    Optional<String> reasonToKeep(String applicationId);
}

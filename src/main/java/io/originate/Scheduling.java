package io.originate;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The app's own schedules (notice retries, deadlines, the audit anchor, retention), on unless
 * {@code originate.scheduling} is false, as for a one-off command such as {@code scripts/rotate-keys}
 * that runs beside live nodes and must not do their work twice.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "originate.scheduling", havingValue = "true")
class Scheduling {}

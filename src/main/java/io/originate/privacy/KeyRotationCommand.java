package io.originate.privacy;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code scripts/rotate-keys}: the app started to re-seal ({@code reseal}), re-index
 * ({@code reindex}) or both ({@code all}), printing its progress, then stopping; exit status 0 once
 * nothing is left under an older key. See the README's "Key rotation".
 */
@Component
@ConditionalOnProperty("originate.privacy.rotation.run")
class KeyRotationCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(KeyRotationCommand.class);

    /** What to do, rows per transaction, and a pause between batches to spare a busy database. */
    @ConfigurationProperties("originate.privacy.rotation")
    record Settings(String run, Integer batchSize, Duration pause) {}

    private final KeyRotation rotation;
    private final Settings settings;
    private final ConfigurableApplicationContext context;

    KeyRotationCommand(KeyRotation rotation, Settings settings, ConfigurableApplicationContext context) {
        this.rotation = rotation;
        this.settings = settings;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        String run = settings.run();
        if (!run.equals("reseal") && !run.equals("reindex") && !run.equals("all")) {
            throw new IllegalStateException(
                    "originate.privacy.rotation.run must be reseal, reindex or all, not " + run);
        }
        int batch = settings.batchSize() == null ? 200 : settings.batchSize();
        Duration pause = settings.pause() == null ? Duration.ZERO : settings.pause();
        if (batch < 1) {
            throw new IllegalStateException("originate.privacy.rotation.batch-size must be at least 1");
        }
        log.info("Key rotation: {} in batches of {}", run, batch);
        if (!run.equals("reindex")) {
            log.info("Key rotation: {} values sealed again", rotation.reseal(batch, pause, log::info));
        }
        if (!run.equals("reseal")) {
            log.info("Key rotation: {} rows indexed again", rotation.reindex(batch, pause, log::info));
        }
        Map<String, Long> left = rotation.outstanding();
        left.forEach((what, count) -> log.info("Key rotation: {} still under an older key: {}", what, count));
        boolean done = run.equals("all")
                ? left.values().stream().allMatch(n -> n == 0)
                : left.entrySet().stream()
                        .filter(e -> e.getKey().startsWith("blind indexes") == run.equals("reindex"))
                        .allMatch(e -> e.getValue() == 0);
        log.info("Key rotation: {}", done ? "complete" : "INCOMPLETE: run it again");
        int status = SpringApplication.exit(context, () -> done ? 0 : 1);
        System.exit(status);
    }
}

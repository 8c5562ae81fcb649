package io.originate.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application's clock in tests: the real time plus an offset a test may move forward, so that
 * a test sees an offer, a code or a signing link expire without editing rows. Every test
 * application context gets one in place of the real clock ({@link Installer}, registered in
 * {@code META-INF/spring.factories} of the test classpath); a test that moves it puts it back.
 */
public final class TestClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    TestClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Moves the application's time forward. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** Back to the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        TestClock moved = new TestClock(other);
        moved.offset = offset;
        return moved;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Puts a test clock, in the lender's zone, in every test application context. */
    public static final class Installer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            ZoneId zone = ZoneId.of(context.getEnvironment().getProperty("originate.business-time.zone", "UTC"));
            context.getBeanFactory().registerSingleton("clock", new TestClock(zone));
        }
    }
}

package io.originate.credit;

import io.micrometer.core.instrument.MeterRegistry;
import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Real-time checks over recent applications, by blind index only (no plaintext national ID,
 * mobile or device is stored or compared): application velocity per identity, mobile and device,
 * and identities sharing one device or one mobile. Counts include the application itself.
 */
@Component
class FraudSignals {

    private final LoanApplications applications;
    private final MeterRegistry metrics;
    private final Clock clock;

    FraudSignals(LoanApplications applications, MeterRegistry metrics, Clock clock) {
        this.applications = applications;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** A velocity rule: more than {@code limit} applications (or national IDs) sharing a value in a window. */
    private record Rule(
            FraudSignal signal,
            String column,
            Function<LoanApplication, String> index,
            Duration window,
            int limit,
            boolean countIdentities) {}

    private static final List<Rule> RULES = List.of(
            new Rule(
                    FraudSignal.VELOCITY_NATIONAL_ID_24H,
                    "national_id_index",
                    LoanApplication::nationalIdIndex,
                    Duration.ofHours(24),
                    3,
                    false),
            new Rule(
                    FraudSignal.VELOCITY_NATIONAL_ID_7D,
                    "national_id_index",
                    LoanApplication::nationalIdIndex,
                    Duration.ofDays(7),
                    5,
                    false),
            new Rule(
                    FraudSignal.VELOCITY_MOBILE_24H,
                    "mobile_index",
                    LoanApplication::mobileIndex,
                    Duration.ofHours(24),
                    3,
                    false),
            new Rule(
                    FraudSignal.VELOCITY_MOBILE_7D,
                    "mobile_index",
                    LoanApplication::mobileIndex,
                    Duration.ofDays(7),
                    5,
                    false),
            new Rule(
                    FraudSignal.VELOCITY_DEVICE_24H,
                    "device_index",
                    LoanApplication::deviceIndex,
                    Duration.ofHours(24),
                    5,
                    false),
            new Rule(
                    FraudSignal.DEVICE_SHARED_BY_IDENTITIES,
                    "device_index",
                    LoanApplication::deviceIndex,
                    Duration.ofDays(7),
                    2,
                    true),
            new Rule(
                    FraudSignal.MOBILE_SHARED_BY_IDENTITIES,
                    "mobile_index",
                    LoanApplication::mobileIndex,
                    Duration.ofDays(30),
                    1,
                    true));

    public List<FraudSignal> detect(LoanApplication a) {
        Instant now = clock.instant();
        List<FraudSignal> signals = new ArrayList<>();
        for (Rule rule : RULES) {
            Instant since = now.minus(rule.window());
            String index = rule.index().apply(a);
            int count = rule.countIdentities()
                    ? applications.distinctIdentitiesSince(rule.column(), index, since)
                    : applications.countSince(rule.column(), index, since);
            if (count > rule.limit()) {
                signals.add(rule.signal());
                metrics.counter(
                                "originate.fraud.signals",
                                "code",
                                rule.signal().name(),
                                "severity",
                                rule.signal().severity().name())
                        .increment();
            }
        }
        return signals;
    }
}

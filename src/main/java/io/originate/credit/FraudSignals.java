package io.originate.credit;

import io.micrometer.core.instrument.MeterRegistry;
import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Real-time checks over recent applications, by blind index only (no plaintext national ID,
 * mobile or device is stored or compared): application velocity per identity, mobile and device,
 * and identities sharing one device or one mobile. Counts include the application itself.
 */
@Component
public class FraudSignals {

    private final LoanApplications applications;
    private final MeterRegistry metrics;
    private final Clock clock;

    public FraudSignals(LoanApplications applications, MeterRegistry metrics, Clock clock) {
        this.applications = applications;
        this.metrics = metrics;
        this.clock = clock;
    }

    public List<FraudSignal> detect(LoanApplication a) {
        Instant now = clock.instant();
        Instant day = now.minus(Duration.ofHours(24));
        Instant week = now.minus(Duration.ofDays(7));
        Instant month = now.minus(Duration.ofDays(30));
        List<FraudSignal> signals = new ArrayList<>();
        check(
                signals,
                applications.countSince("national_id_index", a.nationalIdIndex(), day) > 3,
                FraudSignal.VELOCITY_NATIONAL_ID_24H);
        check(
                signals,
                applications.countSince("national_id_index", a.nationalIdIndex(), week) > 5,
                FraudSignal.VELOCITY_NATIONAL_ID_7D);
        check(
                signals,
                applications.countSince("mobile_index", a.mobileIndex(), day) > 3,
                FraudSignal.VELOCITY_MOBILE_24H);
        check(
                signals,
                applications.countSince("mobile_index", a.mobileIndex(), week) > 5,
                FraudSignal.VELOCITY_MOBILE_7D);
        check(
                signals,
                applications.countSince("device_index", a.deviceIndex(), day) > 5,
                FraudSignal.VELOCITY_DEVICE_24H);
        check(
                signals,
                applications.distinctIdentitiesSince("device_index", a.deviceIndex(), week) > 2,
                FraudSignal.DEVICE_SHARED_BY_IDENTITIES);
        check(
                signals,
                applications.distinctIdentitiesSince("mobile_index", a.mobileIndex(), month) > 1,
                FraudSignal.MOBILE_SHARED_BY_IDENTITIES);
        signals.forEach(s -> metrics.counter(
                        "originate.fraud.signals",
                        "code",
                        s.name(),
                        "severity",
                        s.severity().name())
                .increment());
        return signals;
    }

    private static void check(List<FraudSignal> signals, boolean found, FraudSignal signal) {
        if (found) {
            signals.add(signal);
        }
    }
}

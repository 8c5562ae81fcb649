package io.originate.credit;

import io.originate.application.LoanApplication;
import io.originate.application.LoanApplications;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Velocity checks over recent applications, by blind index only: the same national ID, mobile or
 * device applying too often in 24 hours is a signal.
 */
@Component
public class FraudSignals {

    static final int MAX_PER_IDENTITY_24H = 3;
    static final int MAX_PER_DEVICE_24H = 5;

    private final LoanApplications applications;
    private final Clock clock;

    public FraudSignals(LoanApplications applications, Clock clock) {
        this.applications = applications;
        this.clock = clock;
    }

    public List<String> detect(LoanApplication a) {
        Instant since = clock.instant().minus(Duration.ofHours(24));
        List<String> signals = new ArrayList<>();
        if (applications.countSince("national_id_index", a.nationalIdIndex(), since) > MAX_PER_IDENTITY_24H) {
            signals.add("VELOCITY_NATIONAL_ID_24H");
        }
        if (applications.countSince("mobile_index", a.mobileIndex(), since) > MAX_PER_IDENTITY_24H) {
            signals.add("VELOCITY_MOBILE_24H");
        }
        if (applications.countSince("device_index", a.deviceIndex(), since) > MAX_PER_DEVICE_24H) {
            signals.add("VELOCITY_DEVICE_24H");
        }
        return signals;
    }
}

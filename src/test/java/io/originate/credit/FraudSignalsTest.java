package io.originate.credit;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.application.LoanApplications;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The velocity windows at their edges, over blind indexes made up for each test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FraudSignalsTest {

    @Autowired
    FraudSignals fraud;

    @Autowired
    LoanApplications applications;

    @Autowired
    JdbcClient jdbc;

    /** Stores an application with the given indexes, submitted {@code ago} before now; returns its id. */
    private String applied(String nationalId, String mobile, String device, Duration ago) {
        String id = unique("application");
        Timestamp at = Timestamp.from(Instant.now().minus(ago));
        jdbc.sql(
                        "insert into loan_application (id, status, product_code, amount, term_months, purpose, employment_status,"
                                + " employment_months, monthly_income, monthly_debt_payments, national_id_index, mobile_index,"
                                + " device_index, access_token_hash, submitted_at, updated_at) values (?, 'DECLINED',"
                                + " 'CONSUMER_INSTALLMENT', 1000, 12, 'OTHER', 'EMPLOYED', 12, 9000, 0, ?, ?, ?, ?, ?, ?)")
                .params(id, nationalId, mobile, device, "token-of-" + id, at, at)
                .update();
        return id;
    }

    private static final java.util.concurrent.atomic.AtomicInteger SEQUENCE =
            new java.util.concurrent.atomic.AtomicInteger();

    /** A value no other test uses: the kind and a sequence number. */
    private static String unique(String kind) {
        return kind + "-" + SEQUENCE.incrementAndGet();
    }

    @Test
    void fourApplicationsOfOneIdentityInADayAreASignalThreeAreNot() {
        String id = unique("nid");
        for (int i = 0; i < 2; i++) {
            applied(id, unique("m"), unique("d"), Duration.ofHours(20));
        }
        String third = applied(id, unique("m"), unique("d"), Duration.ZERO);
        assertThat(fraud.detect(applications.get(third))).isEmpty();
        String fourth = applied(id, unique("m"), unique("d"), Duration.ZERO);
        assertThat(fraud.detect(applications.get(fourth))).containsExactly(FraudSignal.VELOCITY_NATIONAL_ID_24H);
    }

    @Test
    void sixInAWeekButFewInADayIsTheWeeklySignalOnly() {
        String id = unique("nid");
        for (int i = 0; i < 5; i++) {
            applied(id, unique("m"), unique("d"), Duration.ofDays(3));
        }
        applied(id, unique("m"), unique("d"), Duration.ofDays(8));
        String latest = applied(id, unique("m"), unique("d"), Duration.ZERO);
        assertThat(fraud.detect(applications.get(latest))).containsExactly(FraudSignal.VELOCITY_NATIONAL_ID_7D);
    }

    @Test
    void aDeviceUsedByThreeIdentitiesInAWeekIsHighSeverity() {
        String device = unique("dev");
        applied(unique("nid"), unique("m"), device, Duration.ofDays(6));
        applied(unique("nid"), unique("m"), device, Duration.ofDays(1));
        applied(unique("nid"), unique("m"), device, Duration.ofDays(9));
        String two = applied(unique("nid"), unique("m"), device, Duration.ZERO);
        assertThat(fraud.detect(applications.get(two))).containsExactly(FraudSignal.DEVICE_SHARED_BY_IDENTITIES);
        assertThat(FraudSignal.DEVICE_SHARED_BY_IDENTITIES.severity()).isEqualTo(FraudSignal.Severity.HIGH);
    }

    @Test
    void aMobileWithOneIdentityOnlyIsNoSignal() {
        String id = unique("nid");
        String mobile = unique("m");
        applied(id, mobile, unique("d"), Duration.ofDays(2));
        String again = applied(id, mobile, unique("d"), Duration.ZERO);
        assertThat(fraud.detect(applications.get(again))).isEmpty();
    }
}

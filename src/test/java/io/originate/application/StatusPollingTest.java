package io.originate.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The status read tells a polling client when to ask again ({@code Retry-After}) exactly while
 * the next step is the app's ({@code nextAction} WAIT), and never while it is the borrower's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatusPollingTest {

    @LocalServerPort
    int port;

    @Test
    void retryAfterWhileTheAppWorksAndOnlyThen() {
        for (ApplicationStatus status : ApplicationStatus.values()) {
            for (Instant verified : new Instant[] {null, Instant.now()}) {
                LoanApplication a = new LoanApplication(
                        "a",
                        status,
                        "P",
                        BigDecimal.TEN,
                        12,
                        "OTHER",
                        "EMPLOYED",
                        12,
                        BigDecimal.TEN,
                        BigDecimal.ZERO,
                        "n",
                        "m",
                        "d",
                        "h",
                        Instant.now(),
                        verified);
                assertThat(ApplicationController.pollAfter(a).isPresent())
                        .as(status + (verified == null ? "" : ", phone verified"))
                        .isEqualTo(ApplicationController.nextAction(a).equals("WAIT"));
            }
        }
    }

    @Test
    void theStatusReadSaysWhenToAskAgain() {
        Api api = new Api(port);
        Api.Submitted waitingForTheCode = api.submit(ApplicationTestData.aSalariedApplicant());
        api.otpFor(waitingForTheCode.mobile());
        Api.Response codeToEnter = api.get(waitingForTheCode, "");
        assertThat(codeToEnter.json().path("nextAction").path("type").asText()).isEqualTo("VERIFY_OTP");
        assertThat(codeToEnter.header("Retry-After")).isNull();

        Api.Submitted referred = api.referredToSeniors();
        Api.Response staffReview = api.get(referred, "");
        assertThat(staffReview.json().path("nextAction").path("type").asText()).isEqualTo("WAIT");
        assertThat(staffReview.header("Retry-After")).isEqualTo("60");
    }
}

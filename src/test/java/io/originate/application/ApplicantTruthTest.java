package io.originate.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the applicant is told agrees with what happened: the status, the decision and its reasons. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicantTruthTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    private JsonNode decided(ApplicationTestData data) {
        Api.Submitted a = api.submit(data);
        api.post(a, "/otp/verify", Map.of("code", api.otpFor(a.mobile())));
        return api.waitForStatus(a, s -> s.matches("APPROVED|REFERRED|DECLINED"));
    }

    private static List<String> reasons(JsonNode application) {
        List<String> codes = new ArrayList<>();
        application
                .path("decision")
                .path("reasons")
                .forEach(r -> codes.add(r.path("code").asText()));
        return codes;
    }

    @Test
    void anApplicationWaitingForASeniorIsNotToldItWasApproved() {
        JsonNode referred = decided(ApplicationTestData.aSalariedApplicant()
                .with("amount", "150000.00")
                .with("termMonths", 36));
        assertThat(referred.path("status").asText()).isEqualTo("REFERRED");
        assertThat(referred.path("decision").path("outcome").asText()).isEqualTo("REFER");
        assertThat(reasons(referred)).containsExactly("APPROVAL_REQUIRED");
    }

    @Test
    void aDeclineGivesOnlyTheReasonsThatDecided() {
        // 150,000 over 12 months on 20,000 a month: the debt-to-income row declines; the bureau score (720) is fine
        JsonNode declined = decided(ApplicationTestData.aSalariedApplicant().with("amount", "150000.00"));
        assertThat(declined.path("status").asText()).isEqualTo("DECLINED");
        assertThat(declined.path("decision").path("outcome").asText()).isEqualTo("DECLINE");
        assertThat(reasons(declined)).containsExactly("EXCESSIVE_OBLIGATIONS");
    }
}

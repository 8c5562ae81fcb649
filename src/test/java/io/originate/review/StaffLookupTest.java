package io.originate.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Beyond the masked view, on the record: a caller found by their mobile or national ID, personal
 * data shown only to the groups that may see it and only with a reason, a few times an hour, each
 * time visible to compliance, and told to the applicant without who or why.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffLookupTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void staffFindACallersApplicationsByMobileOrNationalId() {
        ApplicationTestData data = ApplicationTestData.aSalariedApplicant();
        Api.Submitted a = api.submit(data);
        JsonNode byMobile = api.staffPost(
                        "underwriter",
                        "originate",
                        "/api/v1/staff/applications/search",
                        "{\"mobile\":\"" + a.mobile() + "\"}")
                .json();
        assertThat(byMobile.findValuesAsText("applicationId")).containsExactly(a.id());
        String nationalId = data.build().get("applicant") instanceof java.util.Map<?, ?> applicant
                ? String.valueOf(applicant.get("nationalId"))
                : "";
        assertThat(api.staffPost(
                                "compliance",
                                "originate",
                                "/api/v1/staff/applications/search",
                                "{\"nationalId\":\"" + nationalId + "\"}")
                        .json()
                        .findValuesAsText("applicationId"))
                .contains(a.id());
        assertThat(api.staffPost(
                                "underwriter",
                                "originate",
                                "/api/v1/staff/applications/search",
                                "{\"mobile\":\"" + "1".repeat(100_000) + "\"}")
                        .status())
                .as("the staff API takes bodies the size of the applicant API's")
                .isEqualTo(413);
        Api.Response malformed = api.staffPost(
                "underwriter", "originate", "/api/v1/staff/applications/search", "{\"mobile\":\"12345\"}");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(api.staffPost(
                                "ops",
                                "originate",
                                "/api/v1/staff/applications/search",
                                "{\"mobile\":\"" + a.mobile() + "\"}")
                        .status())
                .as("operations do not read applications")
                .isEqualTo(403);
        assertThat(api.staff("compliance", "originate", "/api/v1/staff/access-log")
                        .body())
                .contains("\"kind\":\"SEARCH\"")
                .doesNotContain(a.mobile());
        assertThat(api.staff("compliance", "originate", "/api/v1/staff/access-log?applicationId=" + a.id())
                        .body())
                .as("the application's own record shows who found it")
                .contains("\"kind\":\"SEARCH\"")
                .contains("underwriter");
    }

    @Test
    void personalDataIsShownToNamedGroupsWithAReasonAndEveryRevealIsOnTheRecord() {
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant());
        String reveal = "/api/v1/staff/applications/" + a.id() + "/reveal";
        String body = "{\"fields\":[\"fullName\",\"mobile\"],\"reason\":\"Caller verification on the hotline\"}";
        assertThat(api.staffPost("underwriter", "originate", reveal, body).status())
                .isEqualTo(403);
        Api.Response noReason =
                api.staffPost("kyc", "originate", reveal, "{\"fields\":[\"fullName\"],\"reason\":\"because\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        assertThat(api.staffPost(
                                "kyc", "originate", reveal, "{\"fields\":[\"fullName\"],\"reason\":\"aaaaaaaaaaaaaa\"}")
                        .status())
                .as("a reason is words")
                .isEqualTo(400);

        JsonNode shown = api.staffPost("kyc", "originate", reveal, body).json();
        assertThat(shown.path("fullName").asText()).isNotEmpty().doesNotContain("*");
        assertThat(shown.path("mobile").asText()).isEqualTo(a.mobile());
        assertThat(shown.has("nationalId")).isFalse();

        JsonNode log = api.staff("compliance", "originate", "/api/v1/staff/access-log?applicationId=" + a.id())
                .json();
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("userId").asText()).isEqualTo("kyc");
        assertThat(log.get(0).path("fields").asText()).isEqualTo("fullName,mobile");
        assertThat(log.get(0).path("reason").asText()).isEqualTo("Caller verification on the hotline");
        assertThat(api.staff("kyc", "originate", "/api/v1/staff/access-log").status())
                .as("the record is for those who oversee")
                .isEqualTo(403);

        String timeline = api.get(a, "/timeline").body();
        assertThat(timeline)
                .contains("PERSONAL_DATA_VIEWED")
                .contains("fullName")
                .doesNotContain("hotline");

        int answered = 0;
        Api.Response last = null;
        for (int i = 0; i < 25 && (last == null || last.status() == 200); i++) {
            last = api.staffPost("compliance", "originate", reveal, body);
            answered++;
        }
        assertThat(last.status()).as("reveals are limited per person").isEqualTo(429);
        assertThat(answered).isLessThanOrEqualTo(21);
    }
}

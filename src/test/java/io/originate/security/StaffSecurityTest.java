package io.originate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staff API, the engine REST API and the actuator: staff credentials, and no lockout a stranger can cause. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void theStaffSurfacesAnswerStaffOnly() {
        Api.Submitted applicant = api.approved(ApplicationTestData.aSalariedApplicant());
        if (identity.createUserQuery().userId("outsider").count() == 0) {
            var outsider = identity.newUser("outsider");
            outsider.setPassword("outsider-pass");
            identity.saveUser(outsider);
        }
        for (String path : new String[] {
            "/api/v1/staff/rules",
            "/api/v1/staff/applications/" + applicant.id() + "/decisions",
            "/engine-rest/task",
            "/actuator/metrics"
        }) {
            Api.Response anonymous = api.send("GET", path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.header("WWW-Authenticate")).as(path).startsWith("Basic");
            assertThat(api.from("198.51.100.150")
                            .staff("compliance", "wrong", path)
                            .status())
                    .as(path)
                    .isEqualTo(401);
            assertThat(api.send("GET", path, null, "Authorization", "Bearer " + applicant.token())
                            .status())
                    .as(path)
                    .isEqualTo(401);
            assertThat(api.from("198.51.100.151")
                            .staff("outsider", "outsider-pass", path)
                            .status())
                    .as("an engine user in no staff group: " + path)
                    .isEqualTo(403);
            assertThat(api.staff("compliance", "originate", path).status())
                    .as(path)
                    .isEqualTo(200);
        }
        assertThat(api.send("GET", "/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.send("HEAD", "/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.staff("analyst", "originate", "/api/v1/staff/applications/" + applicant.id() + "/decisions")
                        .status())
                .as("designers change models; they do not read applicants' decisions")
                .isEqualTo(403);
        assertThat(api.send("GET", "/error", null).status())
                .as("no error page by itself")
                .isEqualTo(401);
        Api.Response redirect = api.raw("127.0.0.1", "GET", "/", null, "Host", "evil.example");
        assertThat(redirect.status()).isEqualTo(302);
        assertThat(redirect.header("Location")).doesNotContain("evil.example");
    }

    @Test
    void passwordGuessingIsThrottledPerAddressAndNeverLocksTheRealUserOut() {
        Api attacker = api.from("203.0.113.77");
        for (int i = 0; i < 10; i++) {
            assertThat(attacker.staff("admin", "guess-" + i, "/engine-rest/user")
                            .status())
                    .isEqualTo(401);
        }
        Api.Response throttled = attacker.staff("admin", "guess-10", "/engine-rest/user");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
        assertThat(attacker.staff("admin", "originate", "/engine-rest/user").status())
                .as("the attacker's address stays throttled even with the right password")
                .isEqualTo(429);

        // the same guesses spread over many addresses (as a slow, spaced run would be) lock nobody
        for (int i = 0; i < 15; i++) {
            assertThat(api.from("203.0.113." + (100 + i))
                            .staff("admin", "spaced-guess-" + i, "/engine-rest/user")
                            .status())
                    .isEqualTo(401);
        }
        assertThat(api.from("198.51.100.77")
                        .staff("admin", "originate", "/engine-rest/user")
                        .status())
                .isEqualTo(200);
        assertThat(identity.checkPassword("admin", "originate")).isTrue();
    }
}

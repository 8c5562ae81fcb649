package io.originate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Paths that are not in normal form never reach a filter or servlet of Camunda's or ours: every
 * disguise of a real path (path parameters, encoded letters or separators, doubled or dotted
 * segments) is answered 400 before anything is read, on every surface. Sent byte for byte over a
 * socket, so that no client library normalises them first.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PathNormalisationTest {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // the webapps' engine API under another engine name (the review's critical finding)
                "/camunda/api/engine/engine;x/default/user",
                "/camunda/api/engine/engine;x/default/task",
                "/camunda/api/engine/engine;x/default/history/task",
                "/camunda/api/engine/engine;/default/user",
                "/camunda/api/engine/%65ngine/default/user",
                "/camunda/api/engine/engine/default;x/user",
                "/camunda//api/engine/engine/default/user",
                "/camunda/api/engine/engine/./default/user",
                "/camunda/api/admin/setup/default%2fuser/create",
                // the staff API
                "/api/v1/staff;x=1/rules",
                "/api/v1/%73taff/rules",
                "/api/v1/%53taff/rules",
                "/api;/v1/staff/rules",
                "/api/v1/staff/%2e%2e/staff/rules",
                "/api/v1/staff%2frules",
                "/api/v1/staff%2Frules",
                "/api//v1/staff/rules",
                "/api/v1/./staff/rules",
                "/api/v1/staff/../staff/rules",
                "/api/v1/staff/rules%00",
                "/api/v1/staff/rules%25",
                // the engine REST API and the actuator
                "/engine-rest;x/task",
                "/engine-rest/%74ask",
                "/engine-rest//task",
                "/actuator;x/metrics",
                "/actuator/%6detrics",
                // the applicant API, the webhook and the signer
                "/api/v1/applications;x/00000000-0000-0000-0000-000000000000",
                "/api/v1/%61pplications/00000000-0000-0000-0000-000000000000",
                "/api/v1/webhooks;/docusign",
                "/esign/local;x/env/sign"
            })
    void aPathNotInNormalFormIsRefusedBeforeAnythingReadsIt(String path) {
        Api.Response r = api.raw("127.0.0.1", "GET", path, null);
        assertThat(r.status()).as(path).isEqualTo(400);
        // refused by the firewall, or already by Tomcat (an encoded slash or NUL)
        assertThat(r.body()).as(path).containsAnyOf("not in normal form", "HTTP Status 400");
    }

    @Test
    void caseVariantsMatchNoSurfaceAndAreDenied() {
        for (String path : List.of(
                "/API/v1/staff/rules",
                "/api/v1/STAFF/rules",
                "/Engine-Rest/task",
                "/CAMUNDA/api/engine/engine/default/user")) {
            assertThat(api.raw("127.0.0.1", "GET", path, null).status())
                    .as(path)
                    .isEqualTo(401);
        }
    }

    @Test
    void anOversizedBodyToADisguisedPathIsNotReadAndToTheRealPathIsRefused() {
        String big = "a".repeat(5 * 1024 * 1024);
        assertThat(api.raw("127.0.0.1", "POST", "/api;/v1/webhooks/docusign", big)
                        .status())
                .isEqualTo(400);
        assertThat(api.raw("127.0.0.1", "POST", "/api/v1/webhooks/docusign", big)
                        .status())
                .isEqualTo(413);
        assertThat(api.raw("127.0.0.1", "POST", "/api/v1/applications", big, "Content-Type", "application/json")
                        .status())
                .isEqualTo(413);
    }

    @Test
    void theRealPathsAnswerOnlyWithTheirCredentials() {
        Api.Submitted a = api.submit(ApplicationTestData.aSalariedApplicant());
        assertThat(api.raw("127.0.0.1", "GET", "/api/v1/staff/rules", null).status())
                .isEqualTo(401);
        assertThat(api.raw("127.0.0.1", "GET", "/engine-rest/task", null).status())
                .isEqualTo(401);
        assertThat(api.raw("127.0.0.1", "GET", "/camunda/api/engine/engine/default/user", null)
                        .status())
                .isEqualTo(401);
        assertThat(api.raw("127.0.0.1", "GET", "/api/v1/applications/" + a.id(), null)
                        .status())
                .isEqualTo(401);
        assertThat(api.raw(
                                "127.0.0.1",
                                "GET",
                                "/api/v1/applications/" + a.id(),
                                null,
                                "Authorization",
                                "Bearer " + a.token())
                        .status())
                .isEqualTo(200);
    }
}

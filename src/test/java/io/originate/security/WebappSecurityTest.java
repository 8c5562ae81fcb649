package io.originate.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tasklist, Cockpit and Admin: every API behind their login, no anonymous first administrator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebappSecurityTest {

    @LocalServerPort
    int port;

    /** A browser: cookies kept, the XSRF token sent back as Camunda's webapps do. */
    private final class Browser {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        final String address;

        Browser(String address) {
            this.address = address;
        }

        HttpResponse<String> send(String method, String path, String contentType, String body)
                throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Forwarded-For", address)
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                b.header("Content-Type", contentType);
            }
            for (HttpCookie c : cookies.getCookieStore().getCookies()) {
                if (c.getName().equals("XSRF-TOKEN")) {
                    b.header("X-XSRF-TOKEN", c.getValue());
                }
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        int login(String user, String password) throws IOException, InterruptedException {
            send("GET", "/camunda/app/tasklist/default/", null, null);
            return send(
                            "POST",
                            "/camunda/api/admin/auth/user/default/login/tasklist",
                            "application/x-www-form-urlencoded",
                            "username=" + user + "&password=" + password)
                    .statusCode();
        }
    }

    @Test
    void withoutALoginNoWebappApiAnswers() throws Exception {
        Browser stranger = new Browser("203.0.113.30");
        for (String path : new String[] {
            "/camunda/api/engine/engine/default/user",
            "/camunda/api/engine/engine/default/task",
            "/camunda/api/engine/engine/default/history/task",
            "/camunda/api/engine/engine/default/deployment",
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
            "/camunda/api/admin/auth/user/default/profile"
        }) {
            assertThat(stranger.send("GET", path, null, null).statusCode())
                    .as(path)
                    .isEqualTo(401);
        }
        assertThat(stranger.send("GET", "/camunda/app/tasklist/default/", null, null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(stranger.send(
                                "POST",
                                "/camunda/api/admin/setup/default/user/create",
                                "application/json",
                                "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"mallory-pass\"}}")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void aLoggedInUserWorksThroughTheWebappsWithinTheirGroups() throws Exception {
        Browser underwriter = new Browser("198.51.100.31");
        assertThat(underwriter.login("underwriter", "originate")).isEqualTo(200);
        assertThat(underwriter
                        .send("GET", "/camunda/api/engine/engine/default/task", null, null)
                        .statusCode())
                .isEqualTo(200);

        Browser admin = new Browser("198.51.100.32");
        assertThat(admin.login("admin", "originate")).isEqualTo(200);
        assertThat(admin.send(
                                "POST",
                                "/camunda/api/admin/setup/default/user/create",
                                "application/json",
                                "{\"profile\":{\"id\":\"mallory\"},\"credentials\":{\"password\":\"mallory-pass\"}}")
                        .statusCode())
                .as("the first administrator comes from configuration, never from the setup page")
                .isEqualTo(403);
        assertThat(admin.send(
                                "POST",
                                "/camunda/api/engine/engine/default/deployment/create",
                                "multipart/form-data; boundary=x",
                                "--x--")
                        .statusCode())
                .as("only process designers deploy")
                .isEqualTo(403);
    }

    @Test
    void failedWebappLoginsAreThrottledPerAddress() throws Exception {
        Browser guesser = new Browser("203.0.113.33");
        for (int i = 0; i < 10; i++) {
            assertThat(guesser.login("admin", "guess-" + i)).isIn(401, 403);
        }
        assertThat(guesser.login("admin", "originate")).isEqualTo(429);
        assertThat(new Browser("198.51.100.33").login("admin", "originate")).isEqualTo(200);
    }
}

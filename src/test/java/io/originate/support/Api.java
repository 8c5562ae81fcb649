package io.originate.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The applicant API as the mobile app calls it, over real HTTP. */
public final class Api {

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }
    }

    public record Submitted(String id, String token, String mobile) {}

    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int port;
    private final String clientAddress;

    public Api(int port) {
        this(port, null);
    }

    private Api(int port, String clientAddress) {
        this.base = "http://localhost:" + port;
        this.port = port;
        this.clientAddress = clientAddress;
    }

    /**
     * The same API as seen from another client address: the tests' server trusts 127.0.0.1 as a
     * proxy, so X-Forwarded-For names the client.
     */
    public Api from(String clientAddress) {
        return new Api(port, clientAddress);
    }

    /**
     * A request written byte for byte on a socket, path and all, so that nothing on the client side
     * normalises it; from the given local address (127.0.0.2 is not a trusted proxy). Returns the
     * status and the body.
     */
    public Response raw(String localAddress, String method, String path, String body, String... headers) {
        try (java.net.Socket socket = new java.net.Socket(
                java.net.InetAddress.getByName("127.0.0.1"), port, java.net.InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n"
                    + "Connection: close\r\nContent-Length: " + content.length + "\r\n");
            boolean host = false;
            for (int i = 0; i < headers.length; i += 2) {
                request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
                host |= headers[i].equalsIgnoreCase("Host");
            }
            if (!host) {
                request.append("Host: localhost\r\n");
            }
            request.append("\r\n");
            try {
                socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().write(content);
                socket.getOutputStream().flush();
            } catch (IOException answeredEarly) {
                // the server refused before reading the whole body: its answer is still there to read
            }
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(answer.substring(9, 12));
            int end = answer.indexOf("\r\n\r\n");
            java.util.Map<String, java.util.List<String>> fields =
                    new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line :
                    answer.substring(0, end < 0 ? answer.length() : end).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.computeIfAbsent(line.substring(0, colon).strip(), k -> new java.util.ArrayList<>())
                            .add(line.substring(colon + 1).strip());
                }
            }
            return new Response(
                    status,
                    end < 0 ? "" : answer.substring(end + 4),
                    java.net.http.HttpHeaders.of(fields, (k, v) -> true));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public Response send(String method, String path, String body, String... headers) {
        if (body == null) {
            return exchange(method, path, HttpRequest.BodyPublishers.noBody(), headers);
        }
        String[] withType = java.util.Arrays.copyOf(headers, headers.length + 2);
        withType[headers.length] = "Content-Type";
        withType[headers.length + 1] = "application/json";
        return exchange(method, path, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), withType);
    }

    /** A request with a body of raw bytes (multipart uploads); the headers name its content type. */
    public Response sendBytes(String method, String path, byte[] body, String... headers) {
        return exchange(method, path, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    public Response postJson(String path, Object body, String... headers) {
        try {
            return send("POST", path, JSON.writeValueAsString(body), headers);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public Response form(String path, String form) {
        return exchange(
                "POST",
                path,
                HttpRequest.BodyPublishers.ofString(form),
                "Content-Type",
                "application/x-www-form-urlencoded");
    }

    private Response exchange(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (clientAddress != null) {
            b.header("X-Forwarded-For", clientAddress);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public Submitted submit(ApplicationTestData data) {
        Response r = postJson(
                "/api/v1/applications",
                data.build(),
                "Idempotency-Key",
                UUID.randomUUID().toString());
        if (r.status() != 201) {
            throw new AssertionError("submit answered " + r.status() + ": " + r.body());
        }
        return new Submitted(
                r.json().get("id").asText(), r.json().get("accessToken").asText(), data.mobile());
    }

    /** Submitted, phone verified, and approved without staff. */
    public Submitted approved(ApplicationTestData data) {
        Submitted a = submit(data);
        Response verified = post(a, "/otp/verify", java.util.Map.of("code", otpFor(a.mobile())));
        if (verified.status() != 204) {
            throw new AssertionError("OTP verification answered " + verified.status() + ": " + verified.body());
        }
        waitForStatus(a, s -> s.equals("APPROVED"));
        return a;
    }

    /** A 150,000 loan over 36 months, phone verified: referred to senior underwriters (limit 200,000). */
    public Submitted referredToSeniors() {
        Submitted a = submit(ApplicationTestData.aSalariedApplicant()
                .with("amount", "150000.00")
                .with("termMonths", 36));
        post(a, "/otp/verify", java.util.Map.of("code", otpFor(a.mobile())));
        waitForStatus(a, s -> s.equals("REFERRED"));
        return a;
    }

    /** Accepts the current offer; the answer names the envelope and the signing URL. */
    public JsonNode accept(Submitted a) {
        JsonNode offer = get(a, "/offer").json();
        return post(
                        a,
                        "/offer/accept",
                        java.util.Map.of(
                                "disclosureHash", offer.path("disclosureHash").asText(), "acknowledged", true))
                .json();
    }

    /** Signs through the local signer's page, as its Sign button does. */
    public Response signLocally(JsonNode accepted) {
        String url = accepted.path("signingUrl").asText();
        String token = url.substring(url.indexOf("t=") + 2);
        return form("/esign/local/" + accepted.path("envelopeId").asText() + "/sign?t=" + token, "t=" + token);
    }

    public Response get(Submitted a, String suffix) {
        return send("GET", "/api/v1/applications/" + a.id() + suffix, null, "Authorization", "Bearer " + a.token());
    }

    public Response post(Submitted a, String suffix, Object body) {
        return postJson("/api/v1/applications/" + a.id() + suffix, body, "Authorization", "Bearer " + a.token());
    }

    public Response staff(String user, String password, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send("GET", path, null, "Authorization", "Basic " + basic);
    }

    public Response staffPost(String user, String password, String path, String json) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send("POST", path, json, "Authorization", "Basic " + basic);
    }

    /** A deployment through the engine REST API as Camunda Modeler makes it: form fields, then one file. */
    public Response deploy(String user, Map<String, String> fields, String fileName, String content) {
        String boundary = "----originate" + java.util.UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(name)
                .append("\"\r\n\r\n")
                .append(value)
                .append("\r\n"));
        body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"data\"; filename=\"")
                .append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(content)
                .append("\r\n--")
                .append(boundary)
                .append("--\r\n");
        String basic = Base64.getEncoder().encodeToString((user + ":originate").getBytes(StandardCharsets.UTF_8));
        return sendBytes(
                "POST",
                "/engine-rest/deployment/create",
                body.toString().getBytes(StandardCharsets.UTF_8),
                "Authorization",
                "Basic " + basic,
                "Content-Type",
                "multipart/form-data; boundary=" + boundary);
    }

    /** The last one-time code the sandbox delivered to this mobile. */
    public String otpFor(String mobile) {
        return otpFor(mobile, 1);
    }

    /** The n-th one-time code delivered to this mobile, waiting until it has been sent. */
    public String otpFor(String mobile, int n) {
        Pattern code = Pattern.compile("(?<![0-9A-Za-z-])(\\d{6})(?![0-9A-Za-z-])");
        return poll(() -> {
            java.util.List<String> codes = new java.util.ArrayList<>();
            for (JsonNode message :
                    send("GET", "/api/v1/dev/outbox?mobile=" + mobile, null).json()) {
                Matcher m = code.matcher(message.path("text").asText());
                if (message.path("template").asText().equals("otp") && m.find()) {
                    codes.add(m.group(1));
                }
            }
            return codes.size() >= n ? codes.get(n - 1) : null;
        });
    }

    public JsonNode waitForStatus(Submitted a, Predicate<String> done) {
        return poll(() -> {
            JsonNode app = get(a, "").json();
            return done.test(app.path("status").asText()) ? app : null;
        });
    }

    public <T> T waitFor(java.util.function.Supplier<T> probe) {
        return poll(probe);
    }

    private static <T> T poll(java.util.function.Supplier<T> probe) {
        long end = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < end) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Gave up waiting after 30 s");
    }
}

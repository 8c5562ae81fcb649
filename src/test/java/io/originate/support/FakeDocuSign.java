package io.originate.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A fake DocuSign over HTTPS: a certificate for localhost made with keytool, trusted only through a
 * trust store of its own; an RSA key pair for the JWT grant; stubs for the token, envelopes,
 * recipient views and voiding.
 */
public final class FakeDocuSign {

    public final WireMockServer server;
    public final KeyPair rsa;
    public final Path trustStore;
    public final Path privateKey;

    public FakeDocuSign(Path dir) {
        try {
            Path keyStore = dir.resolve("server.p12");
            trustStore = dir.resolve("trust.p12");
            Path cert = dir.resolve("server.crt");
            keytool(
                    "-genkeypair",
                    "-alias",
                    "server",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keyStore.toString(),
                    "-storepass",
                    "changeit",
                    "-keypass",
                    "changeit");
            keytool(
                    "-exportcert",
                    "-alias",
                    "server",
                    "-keystore",
                    keyStore.toString(),
                    "-storepass",
                    "changeit",
                    "-file",
                    cert.toString());
            keytool(
                    "-importcert",
                    "-noprompt",
                    "-alias",
                    "docusign",
                    "-file",
                    cert.toString(),
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    trustStore.toString(),
                    "-storepass",
                    "changeit");
            server = new WireMockServer(wireMockConfig()
                    .httpDisabled(true)
                    .dynamicHttpsPort()
                    .keystorePath(keyStore.toString())
                    .keystorePassword("changeit")
                    .keyManagerPassword("changeit")
                    .keystoreType("PKCS12"));
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            rsa = generator.generateKeyPair();
            privateKey = dir.resolve("integration-key.pem");
            Files.writeString(
                    privateKey,
                    "-----BEGIN PRIVATE KEY-----\n"
                            + Base64.getMimeEncoder()
                                    .encodeToString(rsa.getPrivate().getEncoded())
                            + "\n-----END PRIVATE KEY-----\n");
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public FakeDocuSign start() {
        server.start();
        stub();
        return this;
    }

    public String host() {
        return "localhost:" + server.httpsPort();
    }

    public void stub() {
        server.resetAll();
        server.stubFor(post(urlEqualTo("/oauth/token"))
                .willReturn(json(200, "{\"access_token\":\"token-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
        server.stubFor(post(urlMatching("/restapi/v2\\.1/accounts/acc-1/envelopes"))
                .willReturn(json(201, "{\"envelopeId\":\"env-1\",\"status\":\"sent\"}")));
        server.stubFor(post(urlMatching("/restapi/v2\\.1/accounts/acc-1/envelopes/[^/]+/views/recipient"))
                .willReturn(json(201, "{\"url\":\"https://demo.docusign.net/Signing/StartInSession.aspx?t=abc\"}")));
        server.stubFor(put(urlMatching("/restapi/v2\\.1/accounts/acc-1/envelopes/[^/]+"))
                .willReturn(json(200, "{\"envelopeId\":\"env-1\"}")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
    }
}

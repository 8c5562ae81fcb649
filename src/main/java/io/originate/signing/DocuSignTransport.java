package io.originate.signing;

import com.docusign.esign.client.JSON;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.HttpUrlConnectorProvider;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.media.multipart.MultiPartFeature;

/**
 * How the adapter talks to DocuSign: TLS that validates certificates and host names (against the
 * JVM's trust store, or {@code trust-store} when set), for the SDK's Jersey client (which by
 * itself would trust every certificate) and for the OAuth client.
 */
final class DocuSignTransport {

    final SSLContext tls;
    final Client jersey;
    final HttpClient http;

    DocuSignTransport(DocuSignSettings settings) {
        this.tls = tls(settings);
        this.jersey = jerseyClient(tls);
        this.http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** The SDK's JSON and features, but the default connector: certificates and host names are checked. */
    private static Client jerseyClient(SSLContext tls) {
        ClientConfig config = new ClientConfig();
        config.register(MultiPartFeature.class);
        config.register(new JSON());
        config.register(JacksonFeature.class);
        config.property(HttpUrlConnectorProvider.SET_METHOD_WORKAROUND, true);
        return ClientBuilder.newBuilder()
                .withConfig(config)
                .sslContext(tls)
                .connectTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .readTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
                .build();
    }

    private static SSLContext tls(DocuSignSettings settings) {
        try {
            if (settings.trustStore() == null || settings.trustStore().isBlank()) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(settings.trustStore()))) {
                store.load(
                        in,
                        settings.trustStorePassword() == null
                                ? null
                                : settings.trustStorePassword().toCharArray());
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot read originate.esign.docusign.trust-store: " + e.getMessage(), e);
        }
    }
}

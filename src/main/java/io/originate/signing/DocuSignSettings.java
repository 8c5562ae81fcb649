package io.originate.signing;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code originate.esign.docusign.*}: where DocuSign is, who we are there, and how to trust its
 * certificates. The adapter refuses to start while any required setting is missing, naming it.
 */
@ConfigurationProperties("originate.esign.docusign")
record DocuSignSettings(
        String basePath,
        String oauthHost,
        String integrationKey,
        String userId,
        String accountId,
        String privateKeyPath,
        String returnUrl,
        String trustStore,
        String trustStorePassword) {

    void requireComplete() {
        List<String> missing = new ArrayList<>();
        check(missing, basePath, "base-path");
        check(missing, oauthHost, "oauth-host");
        check(missing, integrationKey, "integration-key");
        check(missing, userId, "user-id");
        check(missing, accountId, "account-id");
        check(missing, privateKeyPath, "private-key-path");
        check(missing, returnUrl, "return-url");
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The DocuSign adapter (originate.esign.provider=docusign) needs "
                    + String.join(
                            ", ",
                            missing.stream()
                                    .map(m -> "originate.esign.docusign." + m)
                                    .toList()));
        }
    }

    private static void check(List<String> missing, String value, String name) {
        if (value == null || value.isBlank()) {
            missing.add(name);
        }
    }
}

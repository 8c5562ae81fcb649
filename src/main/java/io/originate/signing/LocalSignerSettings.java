package io.originate.signing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code originate.public-base-url}: the absolute base of the signing links handed out; empty gives paths on this host. */
@ConfigurationProperties("originate")
record LocalSignerSettings(String publicBaseUrl) {

    String base() {
        return publicBaseUrl == null ? "" : publicBaseUrl.replaceAll("/+$", "");
    }
}

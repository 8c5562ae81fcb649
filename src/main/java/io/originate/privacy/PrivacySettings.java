package io.originate.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The vault's key ({@code originate.privacy.key}, Base64 of 32 bytes), or in the dev profile only
 * the file a generated key is kept in ({@code originate.privacy.dev-key-file}).
 */
@ConfigurationProperties("originate.privacy")
public record PrivacySettings(String key, String devKeyFile) {}

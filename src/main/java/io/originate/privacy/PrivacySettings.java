package io.originate.privacy;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The vault's keys, each Base64 of 32 bytes: {@code key} seals (required; in the dev profile only,
 * generated into {@code dev-key-file} when empty), {@code previous-keys} only open what they sealed
 * until the re-encryption has run, and {@code index-key} keys the blind indexes and token MACs
 * (empty: derived from {@code key}, allowed only while no previous key is configured).
 */
@ConfigurationProperties("originate.privacy")
public record PrivacySettings(String key, List<String> previousKeys, String indexKey, String devKeyFile) {}

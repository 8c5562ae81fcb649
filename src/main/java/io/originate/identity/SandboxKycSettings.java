package io.originate.identity;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/** The sandbox KYC provider's file of identities that mismatch or time out ({@code originate.sandbox.kyc-file}). */
@Validated
@ConfigurationProperties("originate.sandbox")
record SandboxKycSettings(@NotNull Resource kycFile) {}

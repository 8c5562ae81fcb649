package io.originate.signing;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * DocuSign Connect ({@code originate.esign.connect}): the HMAC keys a delivery may be signed with
 * (several during a rotation), and how old an event may be and still be taken.
 */
@Validated
@ConfigurationProperties("originate.esign.connect")
record ConnectSettings(@NotEmpty List<String> hmacKeys, @NotNull Period maxEventAge) {}

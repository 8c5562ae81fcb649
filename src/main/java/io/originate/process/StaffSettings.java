package io.originate.process;

import jakarta.validation.constraints.NotEmpty;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who staff are ({@code originate.staff}): the groups whose members may use the staff API and the
 * actuator; the groups that may read decision records (their inputs: income, scores, who decided)
 * and find applications by a mobile or national ID; the groups that may see an applicant's
 * personal data in clear, with a reason; and the groups that oversee those reveals.
 */
@Validated
@ConfigurationProperties("originate.staff")
public record StaffSettings(
        @NotEmpty Set<String> groups,
        @NotEmpty Set<String> decisionReaders,
        @NotEmpty Set<String> revealers,
        @NotEmpty Set<String> overseers) {}

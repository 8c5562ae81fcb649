package io.originate.notification;

import io.originate.privacy.ApplicantPii;
import io.originate.privacy.PiiVault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * Sends the applicant a notice rendered from a template file ({@code templates/notices/NAME.txt}):
 * the first line is the e-mail subject, the rest the text; {@code {{name}}} placeholders are
 * filled from the given values. Templates change without code.
 */
@Component
public class Notices {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final PiiVault vault;
    private final SmsGateway sms;
    private final EmailGateway email;
    private final ResourceLoader resources;

    public Notices(PiiVault vault, SmsGateway sms, EmailGateway email, ResourceLoader resources) {
        this.vault = vault;
        this.sms = sms;
        this.email = email;
        this.resources = resources;
    }

    /** A text message only (one-time codes). */
    public void text(String applicationId, String template, Map<String, String> values) {
        ApplicantPii pii = vault.read(applicationId);
        String[] rendered = render(template, values);
        sms.send(applicationId, pii.mobile(), template, rendered[1]);
    }

    /** A notice by e-mail, with a short text message pointing to it. */
    public void notice(String applicationId, String template, Map<String, String> values) {
        ApplicantPii pii = vault.read(applicationId);
        String[] rendered = render(template, values);
        email.send(applicationId, pii.email(), template, rendered[0], rendered[1]);
        sms.send(applicationId, pii.mobile(), template, rendered[0]);
    }

    private String[] render(String template, Map<String, String> values) {
        String text;
        try (var in = resources
                .getResource("classpath:templates/notices/" + template + ".txt")
                .getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing notice template " + template, e);
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("Template " + template + " needs a value for " + m.group(1));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        String rendered = out.toString();
        int firstLine = rendered.indexOf('\n');
        return new String[] {
            rendered.substring(0, firstLine).strip(),
            rendered.substring(firstLine + 1).strip()
        };
    }
}

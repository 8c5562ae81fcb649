package io.originate.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The notice templates ({@code templates/notices/NAME.txt}): the first line is the e-mail subject,
 * the rest the text; {@code {{name}}} placeholders are filled from the given values. Templates
 * change without code.
 */
@Component
class NoticeTemplates {

    record Rendered(String subject, String text) {}

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private final ResourceLoader resources;

    NoticeTemplates(ResourceLoader resources) {
        this.resources = resources;
    }

    Rendered render(String template, Map<String, String> values) {
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
        return new Rendered(
                rendered.substring(0, firstLine).strip(),
                rendered.substring(firstLine + 1).strip());
    }
}

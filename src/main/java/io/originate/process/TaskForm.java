package io.originate.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a Camunda Form ({@code processes/forms/*.form}): what a staff member may submit
 * when completing the task, with the choices a radio or select offers. The form is the only
 * definition of a task's inputs; completing a task with anything else is refused.
 */
record TaskForm(Map<String, Field> fields) {

    /** One input: its variable name, whether it must be given, and its choices (empty: any value). */
    record Field(String key, String type, boolean required, Set<String> choices) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> DISPLAY_ONLY =
            Set.of("text", "html", "image", "spacer", "separator", "button", "iframe", "table", "documentPreview");
    static final int MAX_TEXT = 4000;
    /** The inputs whose value is a list of choices. */
    private static final Set<String> MANY = Set.of("checklist", "taglist");

    static TaskForm read(InputStream form) throws IOException {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(JSON.readTree(form).path("components"), fields);
        return new TaskForm(fields);
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if (c.has("components")) {
                collect(c.path("components"), fields);
            }
            String key = c.path("key").asText("");
            if (key.isEmpty() || DISPLAY_ONLY.contains(type) || c.has("components")) {
                continue;
            }
            Set<String> choices = new LinkedHashSet<>();
            c.path("values").forEach(v -> choices.add(v.path("value").asText()));
            fields.put(
                    key,
                    new Field(key, type, c.path("validate").path("required").asBoolean(false), choices));
        }
    }

    /** What is wrong with these submitted values, one sentence per field; empty when nothing is. */
    List<String> problems(Map<String, Object> values) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            Field field = fields.get(e.getKey());
            if (field == null) {
                problems.add(e.getKey() + " is not a field of this task's form and cannot be set");
            } else {
                String problem = problem(field, e.getValue());
                if (problem != null) {
                    problems.add(e.getKey() + " " + problem);
                }
            }
        }
        for (Field field : fields.values()) {
            if (field.required() && values.get(field.key()) == null) {
                problems.add(field.key() + " is required");
            }
        }
        return problems;
    }

    private static String problem(Field field, Object value) {
        if (value == null) {
            return null;
        }
        boolean many = MANY.contains(field.type());
        if (value instanceof Collection<?> != many) {
            return many ? "must be a list of choices" : "must be a single value, not a list";
        }
        if (!field.choices().isEmpty()) {
            Collection<?> given = many ? (Collection<?>) value : List.of(value);
            for (Object v : given) {
                if (!(v instanceof String s) || !field.choices().contains(s)) {
                    return "must be one of " + String.join(", ", field.choices());
                }
            }
            return null;
        }
        return switch (field.type()) {
            case "number" -> value instanceof Number ? null : "must be a number";
            case "checkbox" -> value instanceof Boolean ? null : "must be true or false";
            default ->
                value instanceof String s
                        ? (s.length() <= MAX_TEXT ? null : "must be at most " + MAX_TEXT + " characters")
                        : "must be text";
        };
    }
}

package io.originate.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one catalogue of reason codes ({@code rules/reason-codes.csv}): code, adverse-action
 * category, English and Chinese wording, and, where applicants must not see the code itself, the
 * code they are shown instead (a sanctions match is told as a verification that did not pass: no
 * tipping off). Its order is the order of importance.
 */
public final class ReasonCatalogue {

    /** A reason; {@code applicant} is the code applicants are shown, the code itself when empty. */
    public record Reason(String code, String category, String en, String zh, String applicant) {

        public String shownToApplicant() {
            return applicant.isEmpty() ? code : applicant;
        }
    }

    private final Map<String, Reason> reasons;

    private ReasonCatalogue(Map<String, Reason> reasons) {
        this.reasons = reasons;
    }

    public static ReasonCatalogue read(InputStream csv, String source) {
        Map<String, Reason> reasons = new LinkedHashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(csv, StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null
                    || !(header.strip().equals("code,category,en,zh")
                            || header.strip().equals("code,category,en,zh,applicant"))) {
                throw new RuleTableException(source + ": the first line must be code,category,en,zh,applicant");
            }
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                List<String> f = splitCsv(line);
                if (f.size() < 4 || f.size() > 5 || !f.get(0).matches("[A-Z][A-Z0-9_]*")) {
                    throw new RuleTableException(source + " line " + n + ": expected CODE,category,en,zh,applicant");
                }
                Reason reason = new Reason(f.get(0), f.get(1), f.get(2), f.get(3), f.size() == 5 ? f.get(4) : "");
                if (reasons.put(f.get(0), reason) != null) {
                    throw new RuleTableException(source + " line " + n + ": code " + f.get(0) + " is listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Reason r : reasons.values()) {
            Reason shown = reasons.get(r.shownToApplicant());
            if (shown == null || !shown.applicant().isEmpty()) {
                throw new RuleTableException(source + ": " + r.code() + " is shown to applicants as " + r.applicant()
                        + ", which must be a code of the catalogue shown as itself");
            }
        }
        return new ReasonCatalogue(reasons);
    }

    public boolean contains(String code) {
        return reasons.containsKey(code);
    }

    public Reason get(String code) {
        Reason reason = reasons.get(code);
        if (reason == null) {
            throw new IllegalArgumentException("Reason code " + code + " is not in the catalogue");
        }
        return reason;
    }

    /** Position in the catalogue: lower is more important. */
    public int rank(String code) {
        return new ArrayList<>(reasons.keySet()).indexOf(code);
    }

    private static List<String> splitCsv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out;
    }
}

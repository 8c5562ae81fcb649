package io.originate.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Screening against the sanctions and watch list file (CSV: listId, Chinese name, Latin name,
 * aliases separated by |, national ID, source, listing date). An exact national ID is a hit; a
 * name whose similarity to a listed name or alias reaches the threshold is a possible match for a
 * person to review. Names are compared normalised and, for Chinese names, also in pinyin, so that
 * 赵敏 meets Zhao Min. A malformed list stops the start.
 */
@Component
public class SanctionsList {

    public enum Outcome {
        CLEAR,
        POSSIBLE_MATCH,
        HIT
    }

    /** A list entry; {@code keys} are its names and aliases as compared: normalised, and in pinyin. */
    public record Entry(
            String listId,
            List<String> names,
            List<String> keys,
            String nationalId,
            String source,
            LocalDate listedOn) {}

    public record Screening(Outcome outcome, String listId, String source, double score) {}

    private static final String HEADER = "listId,nameZh,nameLatin,aliases,nationalId,source,listedOn";

    private final List<Entry> entries;
    private final double threshold;

    SanctionsList(ScreeningSettings settings) {
        this.threshold = settings.nameMatchThreshold();
        this.entries = read(settings.list());
    }

    /** The list entry of this id, as listed. */
    public Optional<Entry> entry(String listId) {
        return entries.stream().filter(e -> e.listId().equals(listId)).findFirst();
    }

    public Screening screen(String fullName, String nationalId) {
        for (Entry e : entries) {
            if (!e.nationalId().isEmpty() && e.nationalId().equalsIgnoreCase(nationalId)) {
                return new Screening(Outcome.HIT, e.listId(), e.source(), 1.0);
            }
        }
        List<String> applicant = Transliteration.keys(fullName);
        Entry best = null;
        double bestScore = 0;
        for (Entry e : entries) {
            for (String listed : e.keys()) {
                for (String key : applicant) {
                    double score = Jaro.similarity(key, listed);
                    if (score > bestScore) {
                        bestScore = score;
                        best = e;
                    }
                }
            }
        }
        if (best != null && bestScore >= threshold) {
            return new Screening(Outcome.POSSIBLE_MATCH, best.listId(), best.source(), bestScore);
        }
        return new Screening(Outcome.CLEAR, null, null, bestScore);
    }

    private static List<Entry> read(Resource list) {
        List<Entry> entries = new ArrayList<>();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(list.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            int n = 1;
            while (line != null && line.startsWith("#")) {
                line = in.readLine();
                n++;
            }
            if (line == null || !line.strip().equals(HEADER)) {
                throw new IllegalStateException(list + " line " + n + ": expected the header " + HEADER);
            }
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length != 7) {
                    throw new IllegalStateException(list + " line " + n + ": expected 7 columns, found " + f.length);
                }
                List<String> names = new ArrayList<>();
                for (String candidate : List.of(f[1], f[2])) {
                    if (!candidate.isBlank()) {
                        names.add(candidate.strip());
                    }
                }
                Arrays.stream(f[3].split("\\|"))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .forEach(names::add);
                if (f[0].isBlank() || names.isEmpty()) {
                    throw new IllegalStateException(list + " line " + n + ": an entry needs a listId and a name");
                }
                String id = f[4].strip().toUpperCase(Locale.ROOT);
                if (!id.isEmpty() && !id.matches("\\d{17}[\\dX]")) {
                    throw new IllegalStateException(
                            list + " line " + n + ": nationalId must be 18 characters or empty");
                }
                LocalDate listed;
                try {
                    listed = LocalDate.parse(f[6].strip());
                } catch (DateTimeParseException e) {
                    throw new IllegalStateException(list + " line " + n + ": listedOn must be a date like 2024-03-01");
                }
                List<String> keys = names.stream()
                        .flatMap(name -> Transliteration.keys(name).stream())
                        .distinct()
                        .toList();
                entries.add(new Entry(f[0].strip(), names, keys, id, f[5].strip(), listed));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sanctions list " + list, e);
        }
        return List.copyOf(entries);
    }
}

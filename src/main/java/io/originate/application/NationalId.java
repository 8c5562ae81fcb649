package io.originate.application;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * A PRC resident identity number (GB 11643-1999): six digits of administrative region, eight of
 * birth date, three of sequence (odd for men), and a check digit (0-9 or X) over the first 17.
 */
public record NationalId(String value, LocalDate birthDate) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    /** Province-level codes of GB/T 2260 (the first two digits of the region). */
    private static final Set<String> PROVINCES = Set.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83");

    /** Parses a number, or says in plain words what is wrong with it (never repeating it). */
    public static Result parse(String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return Result.error("is required");
        }
        String id = raw.strip().toUpperCase();
        if (!id.matches("\\d{17}[\\dX]")) {
            return Result.error("must be 18 characters: 17 digits and a digit or X");
        }
        if (!PROVINCES.contains(id.substring(0, 2))) {
            return Result.error("does not start with a known administrative region code");
        }
        LocalDate born;
        try {
            born = LocalDate.of(
                    Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
        } catch (DateTimeException e) {
            return Result.error("does not contain a valid date of birth");
        }
        if (born.isAfter(today) || born.getYear() < 1900) {
            return Result.error("does not contain a plausible date of birth");
        }
        if (id.charAt(17) != checkDigit(id.substring(0, 17))) {
            return Result.error("has an invalid check digit");
        }
        return new Result(Optional.of(new NationalId(id, born)), null);
    }

    public static char checkDigit(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    public record Result(Optional<NationalId> id, String error) {
        static Result error(String message) {
            return new Result(Optional.empty(), message);
        }
    }

    @Override
    public String toString() {
        return "NationalId[redacted]";
    }
}

package io.originate.decision;

import io.originate.rules.ReasonCatalogue;
import io.originate.rules.RuleTableException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the scorecard: each matching row is one bin of one characteristic, with the points it
 * earns and the best points that characteristic can earn. The reasons are the characteristics
 * that lost 10 or more points against their best bin, most points lost first, at most four.
 * Rules fire in no particular order, so nothing here depends on it.
 */
public class ScorecardResult {

    public record Bin(String characteristic, int points, int best) {}

    private final List<Bin> bins = new ArrayList<>();
    private String grade;

    /** Called by the rules: a bin of this characteristic (a reason code) applies. */
    public void characteristic(String code) {
        bins.add(new Bin(code.strip(), 0, 0));
    }

    /** Called by the rules, after {@link #characteristic}: the points the bin earns. */
    public void points(String points) {
        Bin last = last();
        bins.set(bins.size() - 1, new Bin(last.characteristic(), whole(points, "points"), last.best()));
    }

    /** Called by the rules, after {@link #characteristic}: the most points this characteristic can earn. */
    public void best(String best) {
        Bin last = last();
        bins.set(bins.size() - 1, new Bin(last.characteristic(), last.points(), whole(best, "best points")));
    }

    /** Called by the grade table. */
    public void grade(String grade) {
        this.grade = grade.strip();
    }

    public List<Bin> bins() {
        return List.copyOf(bins);
    }

    public int total() {
        return bins.stream().mapToInt(Bin::points).sum();
    }

    public String grade() {
        return grade;
    }

    /** Most points lost first; equal losses in catalogue order. */
    public List<String> reasons(ReasonCatalogue catalogue) {
        return bins.stream()
                .filter(b -> b.best() - b.points() >= 10)
                .sorted(Comparator.comparingInt((Bin b) -> b.points() - b.best())
                        .thenComparingInt(b -> catalogue.rank(b.characteristic())))
                .map(Bin::characteristic)
                .limit(4)
                .toList();
    }

    /** The characteristic of each bin that matched, in firing order. */
    public List<String> characteristics() {
        return bins.stream().map(Bin::characteristic).toList();
    }

    private Bin last() {
        if (bins.isEmpty()) {
            throw new RuleTableException("The characteristic column must come before points and best points");
        }
        return bins.get(bins.size() - 1);
    }

    private static int whole(String cell, String what) {
        return RuleValues.decimal(cell, what).intValueExact();
    }
}

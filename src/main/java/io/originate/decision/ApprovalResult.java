package io.originate.decision;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Collects who must approve. When several rows apply, the most senior level wins. For a staff level it also holds the authority limit, the time after
 * which an open task escalates, and the level it escalates to.
 */
public class ApprovalResult {

    /** From least to most senior; a level later in the list wins. */
    public static final List<String> LEVELS = List.of(
            ApprovalAuthority.AUTOMATIC,
            ApprovalAuthority.UNDERWRITERS,
            ApprovalAuthority.SENIOR_UNDERWRITERS,
            ApprovalAuthority.CREDIT_COMMITTEE);

    private String level;
    private BigDecimal authorityLimit;
    private Duration escalateAfter;
    private String escalateTo;

    /** Called by the rules: this level (or a more senior one) must approve. */
    public void require(String group) {
        String g = group.strip();
        if (!LEVELS.contains(g)) {
            throw new IllegalArgumentException("Unknown approval level '" + g + "'; use one of " + LEVELS);
        }
        if (level == null || LEVELS.indexOf(g) > LEVELS.indexOf(level)) {
            level = g;
        }
    }

    /** Called by the rules: the largest amount the asked-about level may approve. */
    public void limit(String limit) {
        this.authorityLimit = RuleValues.decimal(limit, "authority limit");
    }

    /** Called by the rules: how long a task may stay open at this level (ISO-8601, e.g. PT4H). */
    public void escalateAfter(String duration) {
        this.escalateAfter = Duration.parse(duration.strip());
    }

    /** Called by the rules: the level an overdue task moves to. */
    public void escalateTo(String group) {
        String g = group.strip();
        if (!LEVELS.contains(g)) {
            throw new IllegalArgumentException("Unknown approval level '" + g + "'; use one of " + LEVELS);
        }
        this.escalateTo = g;
    }

    public String level() {
        return level;
    }

    public BigDecimal authorityLimit() {
        return authorityLimit;
    }

    public Duration escalateAfter() {
        return escalateAfter;
    }

    public String escalateTo() {
        return escalateTo;
    }
}

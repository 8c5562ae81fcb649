package io.originate.decision;

import io.originate.rules.RuleBook;
import io.originate.rules.RuleTableException;
import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Reads the approval table: who must approve a case, and what each staff level may do. */
@Component
public class ApprovalRouting {

    public static final String TABLE = "approval";

    public record Authority(String group, BigDecimal limit, Duration escalateAfter, String escalateTo) {}

    private final RuleBook rules;

    public ApprovalRouting(RuleBook rules) {
        this.rules = rules;
    }

    /** The level that must approve, and the version of the table that said so. */
    public record Routed(String level, String tableHash) {}

    public Routed level(ApprovalInput input) {
        RuleBook.Evaluated<ApprovalResult> e = rules.run(TABLE, input, new ApprovalResult());
        String level = e.result().level();
        if (level == null) {
            throw new RuleTableException("The approval table has no row for " + input
                    + "; add one (every case needs a level, AUTOMATIC included)");
        }
        return new Routed(level, e.tableHash());
    }

    /** Whether the approval table gives this group an authority limit. */
    public boolean isLevel(String group) {
        return rules.evaluate(TABLE, new AuthorityQuery(group), new ApprovalResult())
                        .authorityLimit()
                != null;
    }

    public Authority authority(String group) {
        ApprovalResult r = rules.evaluate(TABLE, new AuthorityQuery(group), new ApprovalResult());
        if (r.authorityLimit() == null || r.escalateAfter() == null || r.escalateTo() == null) {
            throw new RuleTableException(
                    "The Authority table of rules/approval.drl.xlsx has no complete row for " + group);
        }
        return new Authority(group, r.authorityLimit(), r.escalateAfter(), r.escalateTo());
    }
}

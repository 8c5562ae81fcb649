package io.originate.process;

import java.time.Clock;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * A team's deadline as the models read it: the task is due, and its escalation timer fires, after
 * the same configured time ({@link TaskDeadlines}), so that what Tasklist shows as due is when the
 * task escalates.
 */
@Component("staffDeadlines")
@ProcessBean
public class StaffDeadlines {

    private final TaskDeadlines deadlines;
    private final Clock clock;

    StaffDeadlines(TaskDeadlines deadlines, Clock clock) {
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /** The due date of a task of this team created now. */
    public Date due(String group) {
        return Date.from(clock.instant().plus(deadlines.of(group).after()));
    }

    /** The same time as an ISO-8601 duration, for the escalation timer. */
    public String after(String group) {
        return deadlines.of(group).after().toString();
    }
}

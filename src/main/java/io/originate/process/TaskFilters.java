package io.originate.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every staff member starts with, written at every start (so that a
 * change here reaches every installation): each reads the signed-in user's own groups, so one
 * filter serves every team, and each shows the amount, grade and reference beside the name.
 */
@Component
@Order(10)
class TaskFilters implements ApplicationRunner {

    private static final String ME = "${currentUser()}";
    private static final String MY_GROUPS = "${currentUserGroups()}";

    private static final List<Map<String, String>> SHOWN = List.of(
            Map.of("name", "amount", "label", "Amount (CNY) / 金额"),
            Map.of("name", "riskGrade", "label", "Grade / 评级"),
            Map.of("name", "whyHere", "label", "Why here / 原因"),
            Map.of("name", "reference", "label", "Reference / 编号"));

    private final FilterService filters;
    private final TaskService tasks;

    TaskFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void run(ApplicationArguments args) {
        save(
                "My tasks / 我的任务",
                -10,
                "#1f77b4",
                "Tasks you have claimed, earliest due first",
                tasks.createTaskQuery().taskAssigneeExpression(ME));
        save(
                "Unassigned in my groups / 待领取",
                -5,
                "#2ca02c",
                "Tasks of your groups that nobody has claimed",
                tasks.createTaskQuery()
                        .taskCandidateGroupInExpression(MY_GROUPS)
                        .taskUnassigned());
        save(
                "Overdue / 已逾期",
                0,
                "#d62728",
                "Tasks of your groups past their due time, claimed or not",
                tasks.createTaskQuery()
                        .taskCandidateGroupInExpression(MY_GROUPS)
                        .includeAssignedTasks()
                        .dueBeforeExpression("${now()}"));
        save(
                "Escalated / 已升级",
                5,
                "#ff7f0e",
                "Reviews that reached your groups because another level ran out of time",
                tasks.createTaskQuery()
                        .taskCandidateGroupInExpression(MY_GROUPS)
                        .includeAssignedTasks()
                        .taskVariableValueEquals("escalated", true));
    }

    private void save(String name, int priority, String color, String description, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("description", description);
        properties.put("refresh", true);
        properties.put("variables", SHOWN);
        filter.setProperties(properties);
        filter.setQuery(query.orderByDueDate().asc());
        filters.saveFilter(filter);
    }
}

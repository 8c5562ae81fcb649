package io.originate.process;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The conventions of a model in {@code processes/}, checked by the build and again on every
 * deployment to the running engine (through the REST API from Camunda Modeler as much as at
 * start): meaningful ids, business names, one delegate per service task, staff tasks with a
 * group, a form, a due date, conditions on known outcomes; and what a model may run
 * ({@link ModelCode}).
 */
final class ModelRules {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final Pattern MEANINGFUL = Pattern.compile(
            "(Task|Event|Gateway|Flow|Error|Message|Definitions|Diagram)_[A-Z][A-Za-z0-9]*(_To_[A-Z][A-Za-z0-9]*)?(_di|_Definition)?"
                    + "|[A-Z][A-Za-z]+(_plane)?");
    static final Pattern GENERATED = Pattern.compile(
            "_[0-9a-z]{7}$|[0-9a-f]{8}-[0-9a-f]{4}|^(Activity|StartEvent|EndEvent|SequenceFlow|sid)-?_?");
    private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]+)\"");

    private static final Pattern DELEGATE = Pattern.compile("\\$\\{([a-z][A-Za-z]*Delegate)}");
    /** A gateway variable compared with a text: {@code kycOutcome == 'MATCH'}. */
    private static final Pattern COMPARISON = Pattern.compile("(\\w+)\\s*(?:==|!=|\\beq\\b|\\bne\\b)\\s*'([^']*)'");

    private final Set<String> processBeans;
    private final ModelCode code;

    ModelRules(Set<String> processBeans) {
        this.processBeans = Set.copyOf(processBeans);
        this.code = new ModelCode(this.processBeans);
    }

    /**
     * Every problem of one model, each naming the element; empty when the model may be deployed.
     *
     * @param resourceName the file name, whose base name must be the process id
     * @param forms whether a Camunda Form of this id is deployed with the model or already
     *     deployed (forms are bound by {@code latest}: a model deployed alone, as Camunda Modeler
     *     deploys it, finds the forms in force)
     */
    public List<String> problems(String resourceName, byte[] bpmn, Predicate<String> forms) {
        List<String> problems = new ArrayList<>();
        String xml = new String(bpmn, StandardCharsets.UTF_8);
        BpmnModelInstance model;
        try {
            model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
        } catch (RuntimeException e) {
            return List.of(resourceName + " is not a valid BPMN model: " + e.getMessage());
        }
        ids(xml, problems);
        problems.addAll(code.problems(bpmn));
        process(resourceName, model, problems);
        names(model, problems);
        serviceTasks(model, problems);
        userTasks(model, forms, problems);
        conditions(model, problems);
        return problems.stream().map(p -> resourceName + ": " + p).toList();
    }

    private static void ids(String xml, List<String> problems) {
        Matcher m = ID.matcher(xml);
        while (m.find()) {
            String id = m.group(1);
            if (!MEANINGFUL.matcher(id).matches() || GENERATED.matcher(id).find()) {
                problems.add("id " + id + " is generated or not meaningful (Task_VerifyIdentity, Flow_A_To_B, ...)");
            }
        }
    }

    private static void process(String resourceName, BpmnModelInstance model, List<String> problems) {
        for (Process process : model.getModelElementsByType(Process.class)) {
            String file = resourceName.substring(resourceName.lastIndexOf('/') + 1);
            if (!file.equals(process.getId() + ".bpmn")) {
                problems.add("the file name must be the process id: " + process.getId() + ".bpmn");
            }
            if (process.getCamundaHistoryTimeToLiveString() == null
                    || process.getCamundaHistoryTimeToLiveString().isBlank()) {
                problems.add("process " + process.getId() + " has no history time to live");
            }
            if (!process.isExecutable()) {
                problems.add("process " + process.getId() + " is not executable");
            }
            for (StartEvent start : process.getChildElementsByType(StartEvent.class)) {
                if (!start.getEventDefinitions().isEmpty()) {
                    problems.add(start.getId() + " starts the process by itself (a timer, signal, message or"
                            + " condition): processes start only from the app");
                }
            }
        }
    }

    private static void names(BpmnModelInstance model, List<String> problems) {
        for (var type : List.of(Activity.class, Event.class, ExclusiveGateway.class)) {
            for (BaseElement e : model.getModelElementsByType(type)) {
                String name = e.getAttributeValue("name");
                if (name == null || name.isBlank()) {
                    problems.add(e.getId() + " has no name");
                } else if (!Character.isUpperCase(name.codePointAt(0)) && !Character.isDigit(name.codePointAt(0))) {
                    problems.add(e.getId() + " is not named in sentence case: " + name);
                }
            }
        }
        for (ExclusiveGateway g : model.getModelElementsByType(ExclusiveGateway.class)) {
            if (g.getName() != null && !g.getName().endsWith("?")) {
                problems.add(g.getId() + " must ask a question: " + g.getName());
            }
        }
    }

    private void serviceTasks(BpmnModelInstance model, List<String> problems) {
        for (ServiceTask t : model.getModelElementsByType(ServiceTask.class)) {
            Matcher delegate = DELEGATE.matcher(String.valueOf(t.getCamundaDelegateExpression()));
            if (!delegate.matches()) {
                problems.add(
                        t.getId() + " must name one delegate: camunda:delegateExpression=\"${somethingDelegate}\"");
            } else if (!processBeans.contains(delegate.group(1))) {
                problems.add(t.getId() + " names " + delegate.group(1) + ", which is not a process bean");
            }
        }
    }

    private static void userTasks(BpmnModelInstance model, Predicate<String> forms, List<String> problems) {
        for (UserTask t : model.getModelElementsByType(UserTask.class)) {
            if (t.getCamundaCandidateGroups() == null
                    || t.getCamundaCandidateGroups().isBlank()) {
                problems.add(t.getId() + " names no candidate group");
            }
            if (t.getCamundaCandidateUsers() != null || t.getCamundaAssignee() != null) {
                problems.add(t.getId() + " names a person: staff tasks go to groups");
            }
            if (t.getCamundaDueDate() == null || t.getCamundaDueDate().isBlank()) {
                problems.add(t.getId() + " has no due date");
            }
            if (!t.isCamundaAsyncAfter()) {
                problems.add(t.getId() + " must be asyncAfter");
            }
            String form = t.getAttributeValueNs(CAMUNDA, "formRef");
            if (form == null || form.isBlank()) {
                problems.add(t.getId() + " has no Camunda Form (camunda:formRef)");
            } else {
                if (!"latest".equals(t.getAttributeValueNs(CAMUNDA, "formRefBinding"))) {
                    problems.add(t.getId()
                            + " must bind its form to the latest version (camunda:formRefBinding=\"latest\"),"
                            + " so that a model deployed alone still finds it");
                }
                if (!forms.test(form)) {
                    problems.add(t.getId() + " uses the form " + form
                            + ", which is neither deployed with the model nor already deployed");
                }
            }
        }
    }

    /** Every text a condition compares a gateway variable with is one of that variable's {@link Outcomes}. */
    private static void conditions(BpmnModelInstance model, List<String> problems) {
        for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            if (flow.getConditionExpression() == null) {
                continue;
            }
            Matcher m = COMPARISON.matcher(flow.getConditionExpression().getTextContent());
            while (m.find()) {
                String variable = m.group(1);
                String value = m.group(2);
                if (variable.equals(ProcessVariables.APPROVAL_GROUP)) {
                    if (!value.equals(Outcomes.AUTOMATIC_APPROVAL)) {
                        problems.add(flow.getId() + " compares approvalGroup with '" + value + "'; only '"
                                + Outcomes.AUTOMATIC_APPROVAL + "' is fixed, the others are staff groups");
                    }
                    continue;
                }
                Class<? extends Enum<?>> values = Outcomes.BY_VARIABLE.get(variable);
                if (values == null) {
                    problems.add(flow.getId() + " compares " + variable + ", which is not a gateway variable ("
                            + String.join(", ", new java.util.TreeSet<>(Outcomes.BY_VARIABLE.keySet())) + ")");
                } else if (java.util.Arrays.stream(values.getEnumConstants())
                        .noneMatch(c -> c.name().equals(value))) {
                    problems.add(flow.getId() + " compares " + variable + " with '" + value + "', which is not one of "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(values.getEnumConstants())
                                            .map(Enum::name)
                                            .toList()));
                }
            }
        }
    }
}

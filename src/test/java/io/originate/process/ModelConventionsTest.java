package io.originate.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The conventions of DESIGN.md, checked on every model in processes/. */
class ModelConventionsTest {

    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    static final Pattern MEANINGFUL = Pattern.compile(
            "(Task|Event|Gateway|Flow|Error|Message|Definitions|Diagram)_[A-Z][A-Za-z0-9]*(_To_[A-Z][A-Za-z0-9]*)?(_di|_Definition)?"
                    + "|[A-Z][A-Za-z]+(_plane)?");
    static final Pattern GENERATED = Pattern.compile(
            "_[0-9a-z]{7}$|[0-9a-f]{8}-[0-9a-f]{4}|^(Activity|StartEvent|EndEvent|SequenceFlow|sid)-?_?");

    static Stream<Path> models() throws IOException {
        return Files.list(Path.of("processes"))
                .filter(p -> p.toString().endsWith(".bpmn"))
                .sorted();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyIdIsMeaningfulNeverGenerated(Path model) throws IOException {
        List<String> bad = new ArrayList<>();
        Matcher m = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(Files.readString(model));
        while (m.find()) {
            String id = m.group(1);
            if (!MEANINGFUL.matcher(id).matches() || GENERATED.matcher(id).find()) {
                bad.add(id);
            }
        }
        assertThat(bad).as("ids in " + model).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void theFileNameIsTheProcessIdAndHistoryHasATimeToLive(Path model) {
        BpmnModelInstance m = Bpmn.readModelFromFile(model.toFile());
        Process process = m.getModelElementsByType(Process.class).iterator().next();
        assertThat(model.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
        assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
        assertThat(process.isExecutable()).isTrue();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyElementHasABusinessName(Path model) {
        BpmnModelInstance m = Bpmn.readModelFromFile(model.toFile());
        for (var type : List.of(
                org.camunda.bpm.model.bpmn.instance.Activity.class,
                org.camunda.bpm.model.bpmn.instance.Event.class,
                org.camunda.bpm.model.bpmn.instance.ExclusiveGateway.class)) {
            for (BaseElement e : m.getModelElementsByType(type)) {
                String name = e.getAttributeValue("name");
                assertThat(name).as(e.getId() + " in " + model).isNotBlank();
                assertThat(Character.isUpperCase(name.codePointAt(0)) || Character.isDigit(name.codePointAt(0)))
                        .as("sentence case: " + name)
                        .isTrue();
            }
        }
        for (var g : m.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.ExclusiveGateway.class)) {
            assertThat(g.getName()).as("a gateway asks a question").endsWith("?");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void serviceTasksUseOneDelegateAndRetryOnATimeCycleWhenAsync(Path model) {
        BpmnModelInstance m = Bpmn.readModelFromFile(model.toFile());
        for (ServiceTask t : m.getModelElementsByType(ServiceTask.class)) {
            assertThat(t.getCamundaDelegateExpression()).as(t.getId()).matches("\\$\\{[a-z][A-Za-z]*Delegate}");
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyUserTaskHasACandidateGroupADeployedFormADueDateAndIsAsyncAfter(Path model) {
        BpmnModelInstance m = Bpmn.readModelFromFile(model.toFile());
        for (UserTask t : m.getModelElementsByType(UserTask.class)) {
            assertThat(t.getCamundaCandidateGroups()).as(t.getId()).isNotBlank();
            assertThat(t.getCamundaDueDate()).as(t.getId()).isNotBlank();
            assertThat(t.isCamundaAsyncAfter()).as(t.getId()).isTrue();
            String form = t.getAttributeValueNs(CAMUNDA, "formRef");
            assertThat(form).as(t.getId()).isNotBlank();
            assertThat(t.getAttributeValueNs(CAMUNDA, "formRefBinding")).isEqualTo("deployment");
            assertThat(Path.of("processes/forms/" + form + ".form"))
                    .as("form of " + t.getId())
                    .exists();
        }
    }
}

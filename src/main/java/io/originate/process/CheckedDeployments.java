package io.originate.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Runs the {@link ModelRules} on every new deployment, whoever makes it (the app at start, a
 * designer from Camunda Modeler through the REST API): a model that breaks them is not deployed,
 * and the answer (400) lists every problem.
 */
final class CheckedDeployments implements Deployer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ModelRules rules;

    CheckedDeployments(ModelRules rules) {
        this.rules = rules;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // a deployment read back from the database was checked when it was made
        }
        Set<String> forms = new LinkedHashSet<>();
        for (ResourceEntity r : deployment.getResources().values()) {
            if (r.getName().endsWith(".form")) {
                forms.add(formId(r));
            }
        }
        List<String> problems = new ArrayList<>();
        for (ResourceEntity r : deployment.getResources().values()) {
            if (r.getName().endsWith(".bpmn") || r.getName().endsWith(".bpmn20.xml")) {
                problems.addAll(
                        rules.problems(r.getName(), r.getBytes(), form -> forms.contains(form) || deployed(form)));
            } else if (!r.getName().endsWith(".form")) {
                problems.add(r.getName()
                        + ": only BPMN models and Camunda Forms are deployed (decisions are the tables in rules/)");
            }
        }
        if (!problems.isEmpty()) {
            throw new BadUserRequestException("The deployment was refused: " + String.join("; ", problems));
        }
    }

    private static boolean deployed(String form) {
        return Context.getCommandContext().getCamundaFormDefinitionManager().findLatestDefinitionByKey(form) != null;
    }

    private static String formId(ResourceEntity form) {
        try {
            return JSON.readTree(form.getBytes()).path("id").asText();
        } catch (IOException e) {
            throw new BadUserRequestException(form.getName() + " is not a Camunda Form (JSON)");
        }
    }
}

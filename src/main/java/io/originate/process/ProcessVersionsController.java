package io.originate.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What runs beside what Git holds: for every process, the version new instances start on, where
 * it came from (the app's deployment of {@code processes/} or a deployment from Camunda
 * Modeler), and whether it is exactly the model in {@code processes/}.
 */
@RestController
class ProcessVersionsController {

    /** One process: {@code matchesProcessesFolder} is false for a model not in the folder at all. */
    record ProcessVersion(
            String key,
            String name,
            int version,
            String deploymentId,
            String deploymentName,
            String source,
            Instant deployedAt,
            boolean matchesProcessesFolder) {}

    private final RepositoryService repository;
    private final ProcessDeployment deployment;

    ProcessVersionsController(RepositoryService repository, ProcessDeployment deployment) {
        this.repository = repository;
        this.deployment = deployment;
    }

    @GetMapping("/api/v1/staff/processes")
    List<ProcessVersion> processes() {
        Map<String, byte[]> folder = deployment.read();
        List<ProcessVersion> versions = new ArrayList<>();
        for (ProcessDefinition d : repository
                .createProcessDefinitionQuery()
                .latestVersion()
                .orderByProcessDefinitionKey()
                .asc()
                .list()) {
            Deployment from = repository
                    .createDeploymentQuery()
                    .deploymentId(d.getDeploymentId())
                    .singleResult();
            byte[] inFolder = folder.get("processes/" + d.getKey() + ".bpmn");
            versions.add(new ProcessVersion(
                    d.getKey(),
                    d.getName(),
                    d.getVersion(),
                    d.getDeploymentId(),
                    from.getName(),
                    from.getSource(),
                    from.getDeploymentTime().toInstant(),
                    inFolder != null && Arrays.equals(inFolder, resource(d))));
        }
        return versions;
    }

    private byte[] resource(ProcessDefinition d) {
        try (InputStream in = repository.getResourceAsStream(d.getDeploymentId(), d.getResourceName())) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.originate.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models and forms of {@code processes/} under stable resource names
 * ({@code processes/LoanOrigination.bpmn}, {@code processes/forms/ReviewApplication.form})
 * wherever the app runs from. The working directory's {@code processes/} wins over the packaged
 * copy, so that an analyst's change is deployed by a restart.
 *
 * <p>The rule with deployments from Camunda Modeler: only the files of {@code processes/} that
 * changed since the app last deployed them are deployed. A model deployed from Modeler therefore
 * stays in force across restarts until its file in {@code processes/} changes (commit the model
 * there to keep it); when the file changes, it replaces the Modeler version. Both cases are
 * logged, and {@code GET /api/v1/staff/processes} shows what runs beside what the folder holds.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcessDeployment implements ApplicationRunner {

    static final String SOURCE = "originate";
    private static final Logger log = LoggerFactory.getLogger(ProcessDeployment.class);

    private final RepositoryService repository;
    private final String location;

    ProcessDeployment(RepositoryService repository, ProcessSettings settings) {
        this.repository = repository;
        this.location = settings.processes().location();
    }

    @Override
    public void run(ApplicationArguments args) {
        deploy();
    }

    public void deploy() {
        Map<String, byte[]> resources = read();
        if (resources.keySet().stream().noneMatch(name -> name.endsWith(".bpmn"))) {
            throw new IllegalStateException("No BPMN models found in processes/");
        }
        Map<String, byte[]> changed = new TreeMap<>();
        resources.forEach((name, bytes) -> {
            if (!Arrays.equals(bytes, lastDeployed(name))) {
                changed.put(name, bytes);
            }
        });
        for (String name : resources.keySet()) {
            if (name.endsWith(".bpmn")) {
                explainModelerVersion(name, changed.containsKey(name));
            }
        }
        if (changed.isEmpty()) {
            log.info("processes/ is deployed as it is ({} resources)", resources.size());
            return;
        }
        DeploymentBuilder deployment =
                repository.createDeployment().name(SOURCE).source(SOURCE);
        changed.forEach((name, bytes) -> deployment.addInputStream(name, new ByteArrayInputStream(bytes)));
        var result = deployment.deployWithResult();
        log.info(
                "Deployed {} changed resources of processes/ as deployment {}: {}",
                changed.size(),
                result.getId(),
                String.join(", ", changed.keySet()));
    }

    /** The bytes of this resource in the app's latest deployment of it; null if never deployed. */
    private byte[] lastDeployed(String name) {
        for (Deployment d : repository
                .createDeploymentQuery()
                .deploymentName(SOURCE)
                .orderByDeploymentTime()
                .desc()
                .list()) {
            if (repository.getDeploymentResourceNames(d.getId()).contains(name)) {
                try (InputStream in = repository.getResourceAsStream(d.getId(), name)) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return null;
    }

    private void explainModelerVersion(String name, boolean replaced) {
        String key = name.substring(name.lastIndexOf('/') + 1, name.length() - ".bpmn".length());
        ProcessDefinition running = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .latestVersion()
                .singleResult();
        if (running == null) {
            return;
        }
        Deployment from = repository
                .createDeploymentQuery()
                .deploymentId(running.getDeploymentId())
                .singleResult();
        if (SOURCE.equals(from.getName())) {
            return;
        }
        if (replaced) {
            log.warn(
                    "{} changed in processes/ and replaces version {} of {}, deployed as '{}' from {} at {}",
                    name,
                    running.getVersion(),
                    key,
                    from.getName(),
                    from.getSource(),
                    from.getDeploymentTime());
        } else {
            log.warn(
                    "{} version {} (deployed as '{}' from {} at {}) stays in force: processes/{}.bpmn has not"
                            + " changed since the app deployed it. Commit the model to processes/ to keep it.",
                    key,
                    running.getVersion(),
                    from.getName(),
                    from.getSource(),
                    from.getDeploymentTime(),
                    key);
        }
    }

    /** The deployable files of {@code processes/}, by resource name. */
    Map<String, byte[]> read() {
        Map<String, byte[]> out = new TreeMap<>();
        Path folder = Path.of(location);
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path p : files.filter(Files::isRegularFile).toList()) {
                        String name =
                                "processes/" + folder.relativize(p).toString().replace('\\', '/');
                        if (deployable(name)) {
                            out.put(name, Files.readAllBytes(p));
                        }
                    }
                }
            } else {
                var resolver = new PathMatchingResourcePatternResolver();
                for (Resource r : resolver.getResources("classpath*:processes/**/*")) {
                    String url = r.getURL().toString();
                    String name = url.substring(url.lastIndexOf("processes/"));
                    if (deployable(name)) {
                        try (InputStream in = r.getInputStream()) {
                            out.put(name, in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read processes/", e);
        }
        return out;
    }

    private static boolean deployable(String name) {
        return name.endsWith(".bpmn") || name.endsWith(".form");
    }
}

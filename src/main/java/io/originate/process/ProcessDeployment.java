package io.originate.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
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
 * Deploys the models and forms of {@code processes/} as one deployment, under stable resource
 * names ({@code processes/LoanOrigination.bpmn}, {@code processes/forms/ReviewApplication.form})
 * wherever the app runs from. The working directory's {@code processes/} wins over the packaged
 * copy, so that an analyst's change is deployed by a restart. Unchanged resources deploy nothing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProcessDeployment implements ApplicationRunner {

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
        if (resources.isEmpty()) {
            throw new IllegalStateException("No BPMN models found in processes/");
        }
        DeploymentBuilder deployment = repository
                .createDeployment()
                .name("originate")
                .source("originate")
                .enableDuplicateFiltering(false);
        resources.forEach((name, bytes) -> deployment.addInputStream(name, new java.io.ByteArrayInputStream(bytes)));
        var result = deployment.deployWithResult();
        log.info("Deployed processes/ ({} resources) as deployment {}", resources.size(), result.getId());
    }

    private Map<String, byte[]> read() {
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

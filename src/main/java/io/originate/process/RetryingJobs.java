package io.originate.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A job that failed and waits for its next attempt is visible from its first failure, not only
 * when its retries run out (the engine's own incident comes after about 38 minutes): a gauge
 * ({@code originate.jobs.retrying}) and, in Cockpit, an incident of type {@value #TYPE} on the
 * instance, with the failure's message. The marker goes when the job succeeds, or when it has
 * failed for good and the engine's incident takes over.
 */
@Component
public class RetryingJobs {

    static final String TYPE = "retryingJob";
    private static final Logger log = LoggerFactory.getLogger(RetryingJobs.class);

    private final ManagementService management;
    private final RuntimeService runtime;

    RetryingJobs(ManagementService management, RuntimeService runtime, MeterRegistry metrics) {
        this.management = management;
        this.runtime = runtime;
        Gauge.builder("originate.jobs.retrying", this, RetryingJobs::count)
                .description("Jobs that failed and wait for another attempt")
                .register(metrics);
    }

    long count() {
        return management.createJobQuery().withException().withRetriesLeft().count();
    }

    @Scheduled(fixedDelayString = "${originate.processes.retrying-check:PT30S}", initialDelay = 30_000)
    public synchronized void mark() {
        Set<String> marked = runtime.createIncidentQuery().incidentType(TYPE).list().stream()
                .map(Incident::getConfiguration)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet());
        for (Job job :
                management.createJobQuery().withException().withRetriesLeft().listPage(0, 200)) {
            if (job.getExecutionId() != null && !marked.contains(job.getId())) {
                runtime.createIncident(
                        TYPE,
                        job.getExecutionId(),
                        job.getId(),
                        "Failed, " + job.getRetries() + " attempts left: " + job.getExceptionMessage());
                log.warn(
                        "Job {} of process instance {} failed and will be retried: {}",
                        job.getId(),
                        job.getProcessInstanceId(),
                        job.getExceptionMessage());
            }
        }
        for (Incident incident :
                runtime.createIncidentQuery().incidentType(TYPE).list()) {
            if (incident.getConfiguration() == null) {
                continue; // the copy the engine shows on a calling process; it goes with its cause
            }
            Job job = management
                    .createJobQuery()
                    .jobId(incident.getConfiguration())
                    .singleResult();
            if (job == null || job.getExceptionMessage() == null || job.getRetries() == 0) {
                runtime.resolveIncident(incident.getId());
            }
        }
    }
}

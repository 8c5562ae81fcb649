package io.originate.process;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.ManagementServiceImpl;
import org.camunda.bpm.engine.impl.management.SetJobRetriesBuilderImpl;
import org.camunda.bpm.engine.management.SetJobRetriesByJobsAsyncBuilder;
import org.camunda.bpm.engine.management.SetJobRetriesByProcessAsyncBuilder;
import org.camunda.bpm.engine.runtime.JobQuery;

/**
 * The engine's management service, less one power: nobody sets a job's retries below one. A job
 * with no retries never runs, so "retry" would otherwise stop any timer of the journey (an offer
 * that never expires, a review that never escalates); operations retry failed jobs, they do not
 * switch jobs off.
 */
final class GuardedManagementService extends ManagementServiceImpl {

    GuardedManagementService(ProcessEngineConfiguration configuration) {
        super(configuration);
    }

    private static int atLeastOne(int retries) {
        if (retries < 1) {
            throw new AuthorizationException("A job is retried with at least one attempt; setting its retries to "
                    + retries + " would stop it for good");
        }
        return retries;
    }

    @Override
    public void setJobRetries(String jobId, int retries) {
        super.setJobRetries(jobId, atLeastOne(retries));
    }

    @Override
    public void setJobRetries(List<String> jobIds, int retries) {
        super.setJobRetries(jobIds, atLeastOne(retries));
    }

    @Override
    public void setJobRetriesByJobDefinitionId(String jobDefinitionId, int retries) {
        super.setJobRetriesByJobDefinitionId(jobDefinitionId, atLeastOne(retries));
    }

    @Override
    public SetJobRetriesBuilderImpl setJobRetries(int retries) {
        return super.setJobRetries(atLeastOne(retries));
    }

    @Override
    public Batch setJobRetriesAsync(List<String> jobIds, int retries) {
        return super.setJobRetriesAsync(jobIds, atLeastOne(retries));
    }

    @Override
    public Batch setJobRetriesAsync(JobQuery query, int retries) {
        return super.setJobRetriesAsync(query, atLeastOne(retries));
    }

    @Override
    public Batch setJobRetriesAsync(List<String> jobIds, JobQuery query, int retries) {
        return super.setJobRetriesAsync(jobIds, query, atLeastOne(retries));
    }

    @Override
    public Batch setJobRetriesAsync(
            List<String> processInstanceIds, org.camunda.bpm.engine.runtime.ProcessInstanceQuery query, int retries) {
        return super.setJobRetriesAsync(processInstanceIds, query, atLeastOne(retries));
    }

    @Override
    public Batch setJobRetriesAsync(
            List<String> processInstanceIds,
            org.camunda.bpm.engine.runtime.ProcessInstanceQuery query,
            org.camunda.bpm.engine.history.HistoricProcessInstanceQuery historicQuery,
            int retries) {
        return super.setJobRetriesAsync(processInstanceIds, query, historicQuery, atLeastOne(retries));
    }

    @Override
    public SetJobRetriesByJobsAsyncBuilder setJobRetriesByJobsAsync(int retries) {
        return super.setJobRetriesByJobsAsync(atLeastOne(retries));
    }

    @Override
    public SetJobRetriesByProcessAsyncBuilder setJobRetriesByProcessAsync(int retries) {
        return super.setJobRetriesByProcessAsync(atLeastOne(retries));
    }
}

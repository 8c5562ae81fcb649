package io.originate.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names the node that holds a job's lock ({@code ACT_RU_JOB.LOCK_OWNER_}, shown in Cockpit) as
 * {@code <node name>:<process id>} instead of a random id, so that after a node dies one sees
 * which locked jobs it left behind (taken over when their lock expires). The node name is
 * {@code originate.node-name}, by default the host name (a container's name).
 */
@Component
class JobLockOwner extends AbstractProcessEnginePlugin {

    private final String owner;

    JobLockOwner(@Value("${originate.node-name:}") String nodeName) {
        String name = nodeName.isBlank() ? hostName() : nodeName.strip();
        this.owner = name + ":" + ProcessHandle.current().pid();
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        JobExecutor executor = configuration.getJobExecutor();
        if (executor != null) {
            executor.setLockOwner(owner);
        }
    }

    String owner() {
        return owner;
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "node";
        }
    }
}

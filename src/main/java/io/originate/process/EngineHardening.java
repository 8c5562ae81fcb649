package io.originate.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * What the engine must enforce that Camunda leaves open by default, in one place:
 *
 * <ul>
 *   <li>models see only the {@link ProcessBean}s, through a guarded expression language, and run no
 *       script and no Java class of their own ({@link ModelsRunNoCode});
 *   <li>every deployment passes the {@link ModelRules} the build checks;
 *   <li>task and form services admit only authenticated users, and staff decisions pass the
 *       {@link StaffTaskGate} (model groups, form fields, authority, four eyes);
 *   <li>every user task gets the {@link TaskSummary} its form shows ({@link StaffTaskListeners}),
 *       and the personal data some forms show stays out of the history ({@link UnrecordedVariables});
 *   <li>candidates may claim and complete a task, not edit it ({@code TASK_WORK}), and a grant ends
 *       with the assignment it came with ({@link TaskGrants});
 *   <li>no job's retries are set below one ({@link GuardedManagementService}): retrying never
 *       switches a timer off;
 *   <li>no account is ever locked by wrong passwords (a stranger could lock out anyone, the
 *       administrator included): failed logins are throttled per client address instead.
 * </ul>
 */
@Component
public class EngineHardening extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final ObjectProvider<StaffDecisionPolicy> policy;
    private final ObjectProvider<TaskSummary> summary;

    public EngineHardening(
            ApplicationContext context,
            ObjectProvider<StaffDecisionPolicy> policy,
            ObjectProvider<TaskSummary> summary) {
        this.context = context;
        this.policy = policy;
        this.summary = summary;
    }

    /** The names of the beans the models may use. */
    public Set<String> processBeans() {
        return Set.of(context.getBeanNamesForAnnotation(ProcessBean.class));
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Set<String> beans = processBeans();
        configuration.setExpressionManager(new ProcessExpressions(context, beans));
        ModelsRunNoCode noCode = new ModelsRunNoCode();
        configuration.setScriptEngineResolver(noCode);
        configuration.setArtifactFactory(noCode);

        List<Deployer> deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(new CheckedDeployments(new ModelRules(beans)));
        configuration.setCustomPreDeployers(deployers);

        List<BpmnParseListener> parseListeners = configuration.getCustomPostBPMNParseListeners() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
        parseListeners.add(new StaffTaskListeners(() -> summary.orderedStream().toList()));
        configuration.setCustomPostBPMNParseListeners(parseListeners);

        StaffTaskGate gate = new StaffTaskGate(() -> policy.orderedStream().toList());
        configuration.setTaskService(new GuardedTaskService(gate));
        configuration.setFormService(new GuardedTaskService.Forms(gate));
        configuration.setManagementService(new GuardedManagementService(configuration));
        // a variable is read with a permission of its own: working on a task reads that task's
        // variables; only the teams that read decisions read instances' and history's variables
        configuration.setEnforceSpecificVariablePermission(true);
        configuration.setResourceAuthorizationProvider(new TaskGrants());
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());

        configuration.setEnableDefaultDbHistoryEventHandler(false);
        List<HistoryEventHandler> history = configuration.getCustomHistoryEventHandlers() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
        history.add(new UnrecordedVariables(TaskSummary.UNRECORDED));
        configuration.setCustomHistoryEventHandlers(history);

        configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
        configuration.setLoginDelayBase(0);
        configuration.setLoginDelayFactor(0);
    }
}

package io.originate.process;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Camunda's default task grants, revoked when they no longer apply: the engine grants the
 * assignee (and owner, and a user named in an identity link) permissions on the task, and by
 * default never takes them back. Here the grant of a former assignee, owner or linked user is
 * deleted when the task moves on from them, so that a reassignment leaves no one with access
 * they were only lent.
 */
final class TaskGrants extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
        revoke(task, oldAssignee, newAssignee, task.getOwner());
        return super.newTaskAssignee(task, oldAssignee, newAssignee);
    }

    @Override
    public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
        revoke(task, oldOwner, newOwner, task.getAssignee());
        return super.newTaskOwner(task, oldOwner, newOwner);
    }

    @Override
    public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
        revoke(task, userId, task.getAssignee(), task.getOwner());
        return super.deleteTaskUserIdentityLink(task, userId, type);
    }

    /** Deletes the user's grant on the task unless the user still holds it in another role. */
    private static void revoke(Task task, String formerUser, String... stillThere) {
        if (formerUser == null || task.getId() == null) {
            return;
        }
        for (String user : stillThere) {
            if (formerUser.equals(user)) {
                return;
            }
        }
        Context.getCommandContext()
                .getAuthorizationManager()
                .deleteAuthorizationsByResourceIdAndUserId(Resources.TASK, task.getId(), formerUser);
    }
}

package io.originate.process;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo staff of the dev profile, created on first start: one user per group, each allowed
 * into Tasklist (and operations, compliance and designers into Cockpit), seeing only the tasks of
 * its groups; the designer may deploy models (checked like the build checks them).
 */
@Component
@ConditionalOnProperty(name = "originate.demo-staff", havingValue = "true")
class DemoStaff implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    record Member(String user, String first, String last, String group, String groupName, boolean cockpit) {}

    static final List<Member> STAFF = List.of(
            new Member("kyc", "Kai", "Analyst", "kyc-analysts", "KYC analysts", false),
            new Member("fraud", "Fay", "Analyst", "fraud-analysts", "Fraud analysts", false),
            new Member("underwriter", "Uma", "Writer", "underwriters", "Underwriters", false),
            new Member("senior", "Sam", "Senior", "senior-underwriters", "Senior underwriters", false),
            new Member("committee", "Cora", "Committee", "credit-committee", "Credit committee", false),
            new Member("ops", "Otto", "Operations", "operations", "Operations", true),
            new Member("compliance", "Cleo", "Compliance", "compliance", "Compliance", true),
            new Member("designer", "Dora", "Designer", "process-designers", "Process designers", true));

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final String password;

    DemoStaff(IdentityService identity, AuthorizationService authorizations, ProcessSettings settings) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.password = settings.demoStaffPassword();
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Member m : STAFF) {
            if (identity.createUserQuery().userId(m.user()).count() > 0) {
                continue;
            }
            Group group = identity.newGroup(m.group());
            group.setName(m.groupName());
            group.setType("WORKFLOW");
            identity.saveGroup(group);
            User user = identity.newUser(m.user());
            user.setFirstName(m.first());
            user.setLastName(m.last());
            user.setEmail(m.user() + "@originate.example");
            user.setPassword(password);
            identity.saveUser(user);
            identity.createMembership(m.user(), m.group());
            Grants grants = new Grants();
            grants.add(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grants.add(Resources.FILTER, ANY, Permissions.READ);
            grants.add(Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grants.add(Resources.DEPLOYMENT, ANY, Permissions.READ);
            grants.add(Resources.USER, m.user(), Permissions.READ);
            if (m.cockpit()) {
                grants.add(Resources.APPLICATION, "cockpit", Permissions.ACCESS);
                grants.add(Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
                grants.add(
                        Resources.PROCESS_DEFINITION,
                        ANY,
                        ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_HISTORY);
            }
            if (m.group().equals("process-designers")) {
                // Camunda Modeler deploys through the REST API; web.SecurityChains admits only this group
                grants.add(Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
            }
            if (m.group().equals("operations")) {
                // operations resolve incidents: retry failed jobs
                grants.add(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.RETRY_JOB);
                grants.add(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.RETRY_JOB);
            }
            grants.save(m.group());
            log.info("Created demo staff user {} in group {}", m.user(), m.group());
        }
    }

    /** Permissions per resource, merged: the engine keeps one grant per group and resource. */
    private final class Grants {
        private final Map<Resource, Map<String, Set<Permission>>> byResource = new LinkedHashMap<>();

        void add(Resource resource, String resourceId, Permission... permissions) {
            byResource
                    .computeIfAbsent(resource, r -> new LinkedHashMap<>())
                    .computeIfAbsent(resourceId, id -> new LinkedHashSet<>())
                    .addAll(List.of(permissions));
        }

        void save(String group) {
            byResource.forEach((resource, ids) -> ids.forEach((id, permissions) -> {
                Authorization a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                a.setGroupId(group);
                a.setResource(resource);
                a.setResourceId(id);
                permissions.forEach(a::addPermission);
                authorizations.saveAuthorization(a);
            }));
        }
    }
}

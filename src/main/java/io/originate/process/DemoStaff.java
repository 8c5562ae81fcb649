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
 * The demo staff of the dev profile, created on first start (their teams' grants brought up to
 * date at every start): one user per team, and leads in two teams (the team lead shows four eyes
 * refusing a second decision; the supervisors see overdue work); each allowed
 * into Tasklist with the history of the tasks it works on (comments, attachments, the History
 * tab), seeing only the tasks of its groups. Operations, compliance and designers see Cockpit;
 * the designers may deploy models (checked like the build checks them).
 */
@Component
@ConditionalOnProperty(name = "originate.demo-staff", havingValue = "true")
class DemoStaff implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoStaff.class);

    /**
     * A team: whether it sees Cockpit, and whether it reads the variables of whole instances and
     * of the history (the teams that read decision records; others read only their tasks').
     */
    record Team(String group, String name, boolean cockpit, boolean readsDecisions) {}

    record Member(String user, String first, String last, List<String> groups) {}

    static final List<Team> TEAMS = List.of(
            new Team("kyc-analysts", "KYC analysts", false, true),
            new Team("fraud-analysts", "Fraud analysts", false, true),
            new Team("underwriters", "Underwriters", false, true),
            new Team("senior-underwriters", "Senior underwriters", false, true),
            new Team("credit-committee", "Credit committee", false, true),
            new Team("operations", "Operations", true, false),
            new Team("operations-leads", "Operations leads", true, false),
            new Team("compliance", "Compliance", true, true),
            new Team("compliance-supervisors", "Compliance supervisors", true, true),
            new Team("process-designers", "Process designers", true, false));

    static final List<Member> STAFF = List.of(
            new Member("kyc", "Kai", "Analyst", List.of("kyc-analysts")),
            new Member("fraud", "Fay", "Analyst", List.of("fraud-analysts")),
            new Member("underwriter", "Uma", "Writer", List.of("underwriters")),
            new Member("senior", "Sam", "Senior", List.of("senior-underwriters")),
            new Member("committee", "Cora", "Committee", List.of("credit-committee")),
            new Member("lead", "Lee", "Lead", List.of("fraud-analysts", "underwriters")),
            new Member("ops", "Otto", "Operations", List.of("operations")),
            new Member("opslead", "Ola", "Lead", List.of("operations", "operations-leads")),
            new Member("compliance", "Cleo", "Compliance", List.of("compliance")),
            new Member("supervisor", "Suki", "Supervisor", List.of("compliance", "compliance-supervisors")),
            new Member("analyst", "Ana", "Analyst", List.of("process-designers")));

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
        for (Team team : TEAMS) {
            if (identity.createGroupQuery().groupId(team.group()).count() == 0) {
                Group group = identity.newGroup(team.group());
                group.setName(team.name());
                group.setType("WORKFLOW");
                identity.saveGroup(group);
            }
            grants(team).save(team.group()); // at every start: a grant added here reaches older databases
        }
        for (Member m : STAFF) {
            if (identity.createUserQuery().userId(m.user()).count() > 0) {
                continue;
            }
            User user = identity.newUser(m.user());
            user.setFirstName(m.first());
            user.setLastName(m.last());
            user.setEmail(m.user() + "@originate.example");
            user.setPassword(password);
            identity.saveUser(user);
            m.groups().forEach(group -> identity.createMembership(m.user(), group));
            log.info("Created demo staff user {} in {}", m.user(), String.join(", ", m.groups()));
        }
    }

    private Grants grants(Team team) {
        Grants grants = new Grants();
        grants.add(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grants.add(Resources.FILTER, ANY, Permissions.READ);
        grants.add(Resources.DEPLOYMENT, ANY, Permissions.READ);
        grants.add(Resources.USER, ANY, Permissions.READ);
        // comments, attachments and the History tab read the task's history
        grants.add(Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_HISTORY);
        if (team.readsDecisions()) {
            grants.add(
                    Resources.PROCESS_DEFINITION,
                    ANY,
                    ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                    ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        }
        if (team.cockpit()) {
            grants.add(Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            grants.add(Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
            grants.add(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ_INSTANCE);
        }
        if (team.group().equals("process-designers")) {
            // Camunda Modeler deploys through the REST API; web.SecurityChains admits only this group
            grants.add(Resources.DEPLOYMENT, ANY, Permissions.CREATE, Permissions.READ);
        }
        if (team.group().startsWith("operations")) {
            // operations resolve incidents: retry failed jobs
            grants.add(Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.RETRY_JOB);
            grants.add(Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.RETRY_JOB);
        }
        return grants;
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

        /** Adds what is missing to the group's grant of each resource, or creates the grant. */
        void save(String group) {
            byResource.forEach((resource, ids) -> ids.forEach((id, permissions) -> {
                Authorization a = authorizations
                        .createAuthorizationQuery()
                        .authorizationType(AUTH_TYPE_GRANT)
                        .groupIdIn(group)
                        .resourceType(resource)
                        .resourceId(id)
                        .singleResult();
                if (a == null) {
                    a = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                    a.setGroupId(group);
                    a.setResource(resource);
                    a.setResourceId(id);
                } else if (permissions.stream().allMatch(a::isPermissionGranted)) {
                    return;
                }
                permissions.forEach(a::addPermission);
                authorizations.saveAuthorization(a);
            }));
        }
    }
}

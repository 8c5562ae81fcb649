package io.originate.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The demo teams' grants converge at every start: a grant taken away comes back, none is doubled. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoStaffTest {

    @Autowired
    DemoStaff demoStaff;

    @Autowired
    AuthorizationService authorizations;

    private Authorization definitions(String group) {
        return authorizations
                .createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group)
                .resourceType(Resources.PROCESS_DEFINITION)
                .resourceId("*")
                .singleResult();
    }

    @Test
    void aStartBringsAnOlderDatabasesGrantsUpToDate() {
        Authorization kyc = definitions("kyc-analysts");
        kyc.removePermission(ProcessDefinitionPermissions.READ_HISTORY);
        authorizations.saveAuthorization(kyc);
        long before = authorizations.createAuthorizationQuery().count();

        demoStaff.run(null);
        demoStaff.run(null);

        assertThat(definitions("kyc-analysts").isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY))
                .isTrue();
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(before);
    }
}

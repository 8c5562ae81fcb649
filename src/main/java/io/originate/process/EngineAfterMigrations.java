package io.originate.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The process engine starts only after Flyway has migrated the app's tables: an engine started
 * first (by any early bean, a servlet filter say) would create its own tables in a fresh database,
 * and Flyway would then refuse the non-empty schema.
 */
@Component
class EngineAfterMigrations extends AbstractDependsOnBeanFactoryPostProcessor {

    EngineAfterMigrations() {
        super(ProcessEngine.class, ProcessEngineFactoryBean.class, "flywayInitializer");
    }
}

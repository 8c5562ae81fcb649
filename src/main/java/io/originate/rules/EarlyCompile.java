package io.originate.rules;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Starts compiling the decision tables (and running their scenarios) on a thread of its own
 * before any bean is created, so that they compile while the engine is built instead of after
 * it: the {@link RuleBook} takes the result, or the failure, when it is created. A start with
 * broken tables still stops, with the same message.
 */
@Component
class EarlyCompile implements BeanFactoryPostProcessor, EnvironmentAware {

    private String location;
    private CompletableFuture<RuleBook.Edition> edition;

    @Override
    public void setEnvironment(Environment environment) {
        location = Binder.get(environment)
                .bind("originate.rules.location", String.class)
                .orElse(null);
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (location == null || location.isBlank()) {
            return; // the settings' own validation reports it when the rule book is created
        }
        edition = new CompletableFuture<>();
        Thread compile = new Thread(
                () -> {
                    try {
                        edition.complete(RuleBook.checkedEdition(location));
                    } catch (Throwable e) {
                        edition.completeExceptionally(e);
                    }
                },
                "rules-compile");
        compile.setDaemon(true);
        compile.start();
    }

    /** The edition of {@code location}: the one compiled early when it is that folder, else compiled now. */
    RuleBook.Edition edition(String location) {
        if (edition == null || !location.equals(this.location)) {
            return RuleBook.checkedEdition(location);
        }
        try {
            return edition.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}

package io.originate.shared;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application, in the lender's zone; tests put a settable one in its place. */
@Configuration(proxyBeanMethods = false)
class Clocks {

    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock clock(BusinessTime time) {
        return Clock.system(time.zone());
    }
}

package io.originate.shared;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class Clocks {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

package io.originate.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that deliver notices: a fixed few, whatever the load (undelivered notices wait in
 * the event publication registry, not in threads), so a burst of notices cannot start a thread
 * each. {@code originate.notices.delivery-threads} sets how many (default 4): with a gateway that
 * answers in {@code t} seconds, a node sends at most threads / {@code t} messages a second.
 */
@Configuration(proxyBeanMethods = false)
class NoticeThreads {

    static final String EXECUTOR = "noticeExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor noticeExecutor(@Value("${originate.notices.delivery-threads:4}") int threads) {
        if (threads < 1) {
            throw new IllegalStateException("originate.notices.delivery-threads must be at least 1, not " + threads);
        }
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("notice-");
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}

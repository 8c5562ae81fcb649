package io.originate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** Many writers appending to one application's chain at once: every append lands, the chain holds. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentAuditTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditTrail audit;

    @Autowired
    TransactionTemplate tx;

    @Test
    void concurrentAppendsAreOrderedNotForked() throws Exception {
        Api.Submitted a = new Api(port).submit(ApplicationTestData.aSalariedApplicant());
        int before = audit.timeline(a.id()).size();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            done.add(pool.submit((Callable<Void>) () -> {
                tx.executeWithoutResult(s -> audit.append(a.id(), "TEST_EVENT", "writer " + n));
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        List<AuditTrail.Entry> chain = audit.timeline(a.id());
        assertThat(chain.size()).isGreaterThanOrEqualTo(before + 40);
        assertThat(AuditTrail.verify(chain)).isTrue();
    }
}

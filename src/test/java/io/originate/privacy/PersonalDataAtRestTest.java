package io.originate.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.support.Api;
import io.originate.support.ApplicationTestData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a whole loan, from submission to payout, no table — the app's, the engine's runtime and history, the outbox, the audit
 * trail — holds the applicant's national ID, mobile, name, e-mail or address in clear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataAtRestTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void noTableHoldsPersonalDataInClear() {
        Api api = new Api(port);
        ApplicationTestData data = ApplicationTestData.aSalariedApplicant()
                .withApplicant("fullName", "欧阳明月")
                .withApplicant("email", "ouyang.mingyue@example.com")
                .withApplicant("residentialAddress", "广州市天河区体育西路 191 号");
        Api.Submitted a = api.submit(data);
        api.post(a, "/otp/verify", Map.of("code", api.otpFor(a.mobile())));
        api.waitForStatus(a, s -> s.equals("APPROVED"));
        api.signLocally(api.accept(a));
        api.waitForStatus(a, s -> s.equals("DISBURSED"));
        String nationalId = (String) ((Map<?, ?>) data.build().get("applicant")).get("nationalId");

        List<String> found = new ArrayList<>();
        // every text column of the app's schema, named as the database stores it (H2 or PostgreSQL)
        List<List<String>> columns = jdbc.sql("select table_name, column_name from information_schema.columns"
                        + " where lower(table_schema) = 'public' and lower(data_type) in ('character varying',"
                        + " 'character large object', 'character', 'varchar', 'clob', 'text')")
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                .list();
        assertThat(columns).hasSizeGreaterThan(50);
        for (List<String> c : columns) {
            String table = c.get(0);
            String column = c.get(1);
            for (String secret : List.of(nationalId, a.mobile(), "欧阳明月", "ouyang.mingyue", "体育西路")) {
                int hits = jdbc.sql("select count(*) from \"" + table + "\" where cast(\"" + column
                                + "\" as varchar) like ?")
                        .param("%" + secret + "%")
                        .query(Integer.class)
                        .single();
                if (hits > 0) {
                    found.add(table + "." + column);
                }
            }
        }
        // the engine's byte arrays (serialized variables, job exceptions, history details) as text
        for (byte[] bytes : jdbc.sql("select bytes_ from act_ge_bytearray where bytes_ is not null")
                .query(byte[].class)
                .list()) {
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            for (String secret : List.of(nationalId, a.mobile(), "欧阳明月", "ouyang.mingyue", "体育西路")) {
                if (text.contains(secret)) {
                    found.add("act_ge_bytearray");
                }
            }
        }
        assertThat(found).as("columns holding personal data in clear").isEmpty();
    }
}

package io.originate.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.originate.shared.Refusal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the API answers what goes wrong, in one place: each kind of refusal with its status and
 * title, when to try again, every field error at once, and JSON read as written, never echoed.
 */
@WebMvcTest(ProblemHandlerTest.Refusing.class)
@AutoConfigureMockMvc(addFilters = false)
@Import({ProblemHandlerTest.Refusing.class, StrictJson.class})
class ProblemHandlerTest {

    record Body(String name, Boolean agreed, Integer months) {}

    @RestController
    static class Refusing {

        @GetMapping("/refuse/{kind}")
        void refuse(@PathVariable String kind) {
            throw switch (Refusal.Kind.valueOf(kind)) {
                case INVALID -> Refusal.invalid("name", "is required");
                case NOT_FOUND -> Refusal.notFound();
                case CONFLICT -> Refusal.conflict("not now");
                case REJECTED -> Refusal.rejected("the code is wrong");
                case LIMITED -> Refusal.limited("too many", Duration.ofMillis(1500));
                case UNAVAILABLE -> Refusal.unavailable("try later", Duration.ofSeconds(30));
                case GONE -> Refusal.gone("closed");
            };
        }

        @GetMapping("/fail")
        void fail() {
            throw new IllegalStateException("secret detail 110105198806121234");
        }

        @PostMapping("/echo")
        Body echo(@RequestBody Body body) {
            return body;
        }
    }

    @Autowired
    MockMvc mvc;

    /** The applicant-access resolver's source, which the web slice brings along. */
    @MockitoBean
    io.originate.application.LoanApplications applications;

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "INVALID, 400, Invalid request",
        "NOT_FOUND, 404, Not found",
        "CONFLICT, 409, Conflict",
        "REJECTED, 422, Unprocessable request",
        "LIMITED, 429, Too many requests",
        "UNAVAILABLE, 503, Service unavailable",
        "GONE, 410, Gone"
    })
    void eachKindOfRefusalHasItsStatus(String kind, int status, String title) throws Exception {
        mvc.perform(get("/refuse/" + kind))
                .andExpect(status().is(status))
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.title").value(title))
                .andExpect(jsonPath("$.status").value(status));
    }

    @Test
    void aLimitSaysWhenToTryAgainInWholeSecondsRoundedUp() throws Exception {
        mvc.perform(get("/refuse/LIMITED")).andExpect(header().string("Retry-After", "2"));
        mvc.perform(get("/refuse/UNAVAILABLE")).andExpect(header().string("Retry-After", "30"));
    }

    @Test
    void fieldErrorsAreListed() throws Exception {
        mvc.perform(get("/refuse/INVALID"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message").value("is required"));
    }

    @Test
    void anUnexpectedFailureRevealsNothing() throws Exception {
        String body = mvc.perform(get("/fail"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.detail").value("The request could not be completed"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain("110105198806121234", "IllegalStateException");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"name\":\"李明\",\"unknown\":1}|unknown",
                "{\"name\":\"李明\",\"agreed\":\"true\"}|agreed",
                "{\"name\":\"李明\",\"months\":12.5}|months",
                "{\"name\":\"李明\",\"name\":\"王芳\"}|name",
                "{\"name\":\"李明\"|body"
            })
    void jsonIsReadAsWrittenAndNoValueIsEchoed(String json, String field) throws Exception {
        String body = mvc.perform(post("/echo").contentType("application/json").content(json))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("李明", "王芳");
    }
}

package io.originate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.notification.NoticeRequested.Message;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A notice in the registry reads back as written, and one written when each event held one message still reads. */
class NoticeRequestedTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aNoticeReadsBackAsWritten() throws Exception {
        NoticeRequested notice =
                new NoticeRequested("app-1", "signed", List.of(Message.EMAIL, Message.TEXT_POINTER), "k1:sealed");
        assertThat(json.readValue(json.writeValueAsString(notice), NoticeRequested.class))
                .isEqualTo(notice);
    }

    @Test
    void anEventOfOneMessageWrittenBeforeNoticesHeldTheirMessagesStillReads() throws Exception {
        String old =
                "{\"applicationId\":\"app-1\",\"template\":\"otp\",\"message\":\"TEXT\",\"sealedValues\":\"k1:s\"}";
        assertThat(json.readValue(old, NoticeRequested.class))
                .isEqualTo(new NoticeRequested("app-1", "otp", List.of(Message.TEXT), "k1:s"));
    }

    @Test
    void theRestOfANoticeIsTheMessagesFromTheOneThatFailed() {
        NoticeRequested notice =
                new NoticeRequested("app-1", "signed", List.of(Message.EMAIL, Message.TEXT_POINTER), "k1:sealed");
        assertThat(notice.from(1).messages()).containsExactly(Message.TEXT_POINTER);
        assertThatThrownBy(() -> notice.from(2)).isInstanceOf(IllegalArgumentException.class);
    }
}

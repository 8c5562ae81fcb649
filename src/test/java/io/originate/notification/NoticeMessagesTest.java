package io.originate.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.originate.notification.NoticeRequested.Message;
import io.originate.privacy.ApplicantPii;
import io.originate.privacy.PiiCipher;
import io.originate.privacy.PiiVault;
import io.originate.privacy.PrivacySettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * The messages of one notice go out in order; when one fails after an earlier one went out, the
 * rest is asked for again as a notice of its own and what went out is not sent again; when the
 * first fails, nothing went out and the whole notice fails, to be sent again.
 */
class NoticeMessagesTest {

    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    final PiiCipher cipher = new PiiCipher(new PrivacySettings(KEY, List.of(), "", ""));
    final List<String> sent = new ArrayList<>();
    final List<Object> askedAgain = new ArrayList<>();
    boolean smsDown;
    boolean emailDown;

    final NoticeDelivery delivery = delivery();

    private NoticeDelivery delivery() {
        PiiVault vault = mock(PiiVault.class);
        when(vault.read("app-1"))
                .thenReturn(new ApplicantPii(
                        "李明",
                        "110105199001010022",
                        LocalDate.of(1990, 1, 1),
                        "13800138000",
                        "li.ming@example.com",
                        "北京",
                        "device",
                        "203.0.113.7"));
        SmsGateway sms = (applicationId, mobile, template, text) -> {
            if (smsDown) {
                throw new IllegalStateException("the SMS provider is unavailable");
            }
            sent.add("text to " + mobile + ": " + text);
        };
        EmailGateway email = (applicationId, address, template, subject, text) -> {
            if (emailDown) {
                throw new IllegalStateException("the mail server is unavailable");
            }
            sent.add("e-mail to " + address + ": " + subject);
        };
        return new NoticeDelivery(
                new NoticeTemplates(new DefaultResourceLoader()),
                vault,
                cipher,
                new ObjectMapper(),
                sms,
                email,
                askedAgain::add);
    }

    private NoticeRequested signed() {
        return new NoticeRequested(
                "app-1",
                "signed",
                List.of(Message.EMAIL, Message.TEXT_POINTER),
                cipher.encrypt("{\"reference\":\"app-1\"}", "app-1"));
    }

    @Test
    void theMessagesOfANoticeGoOutInOrder() {
        delivery.deliver(signed());
        assertThat(sent)
                .containsExactly(
                        "e-mail to li.ming@example.com: Your loan agreement app-1 is signed",
                        "text to 13800138000: Your loan agreement app-1 is signed");
        assertThat(askedAgain).isEmpty();
    }

    @Test
    void aTextThatFailsAfterItsEmailWentOutIsAskedForAgainAlone() {
        smsDown = true;
        NoticeRequested notice = signed();
        delivery.deliver(notice);
        assertThat(sent).containsExactly("e-mail to li.ming@example.com: Your loan agreement app-1 is signed");
        assertThat(askedAgain).containsExactly(notice.from(1));

        smsDown = false;
        delivery.deliver((NoticeRequested) askedAgain.get(0));
        assertThat(sent)
                .as("the e-mail went out once")
                .containsExactly(
                        "e-mail to li.ming@example.com: Your loan agreement app-1 is signed",
                        "text to 13800138000: Your loan agreement app-1 is signed");
    }

    @Test
    void whenTheFirstMessageFailsNothingWentOutAndTheWholeNoticeFails() {
        emailDown = true;
        assertThatThrownBy(() -> delivery.deliver(signed())).hasMessageContaining("mail server");
        assertThat(sent).isEmpty();
        assertThat(askedAgain).isEmpty();
    }
}

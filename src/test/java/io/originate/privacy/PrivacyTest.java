package io.originate.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyTest {

    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    @Test
    void ciphertextIsBoundToItsOwnerAndNeverRepeats() {
        PiiCipher cipher = new PiiCipher(new PrivacySettings(KEY, ""));
        String a = cipher.encrypt("11010519491231002X", "app-1");
        assertThat(a).doesNotContain("11010519491231002X").isNotEqualTo(cipher.encrypt("11010519491231002X", "app-1"));
        assertThat(cipher.decrypt(a, "app-1")).isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> cipher.decrypt(a, "app-2")).hasMessageContaining("tampered");
    }

    @Test
    void blindIndexesAreStableKeyedAndNotThePlaintext() {
        PiiCipher one = new PiiCipher(new PrivacySettings(KEY, ""));
        PiiCipher other = new PiiCipher(new PrivacySettings("HxwdHhsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=", ""));
        assertThat(one.blindIndex("mobile", "13800138000"))
                .isEqualTo(one.blindIndex("mobile", "13800138000"))
                .isNotEqualTo(other.blindIndex("mobile", "13800138000"))
                .doesNotContain("13800138000");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedByName() {
        assertThatThrownBy(() -> new PiiCipher(new PrivacySettings("AAEC", "")))
                .hasMessageContaining("originate.privacy.key must decode to 32 bytes");
        assertThatThrownBy(() -> new PiiCipher(new PrivacySettings("", "")))
                .hasMessageContaining("originate.privacy.key is not set");
    }

    @Test
    void theDefaultProfileKeepsItsGeneratedKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/dev.key");
        String sealed = new PiiCipher(new PrivacySettings("", file.toString())).encrypt("张伟", "app-1");
        assertThat(Files.exists(file)).isTrue();
        assertThat(new PiiCipher(new PrivacySettings("", file.toString())).decrypt(sealed, "app-1"))
                .isEqualTo("张伟");
    }

    @Test
    void masking() {
        assertThat(Masking.name("张伟")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.nationalId("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(Masking.mobile("13800138000")).isEqualTo("138****8000");
    }
}

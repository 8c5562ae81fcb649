package io.originate.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivacyTest {

    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String NEW_KEY = "HxwdHhsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=";
    static final String INDEX_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

    static PrivacySettings settings(String key, String devKeyFile) {
        return new PrivacySettings(key, List.of(), "", devKeyFile);
    }

    @Test
    void aCiphertextNamesItsKeyAndOpensAfterARotationUntilItsKeyIsGone() {
        PiiCipher before = new PiiCipher(settings(KEY, ""));
        String old = before.encrypt("张伟", "app-1");
        assertThat(old).startsWith(before.keyId() + ":");

        PiiCipher after = new PiiCipher(new PrivacySettings(NEW_KEY, List.of(KEY), KEY, ""));
        assertThat(after.keyId()).isNotEqualTo(before.keyId());
        assertThat(after.decrypt(old, "app-1")).isEqualTo("张伟");
        assertThat(after.sealedWithCurrentKey(old)).isFalse();
        String resealed = after.reseal(old, "app-1");
        assertThat(after.sealedWithCurrentKey(resealed)).isTrue();
        assertThatThrownBy(() -> after.reseal(old, "app-2")).hasMessageContaining("tampered");

        PiiCipher only = new PiiCipher(new PrivacySettings(NEW_KEY, List.of(), KEY, ""));
        assertThat(only.decrypt(resealed, "app-1")).isEqualTo("张伟");
        assertThatThrownBy(() -> only.decrypt(old, "app-1"))
                .hasMessageContaining("sealed under key " + before.keyId())
                .hasMessageContaining("originate.privacy.previous-keys");
    }

    @Test
    void aRecordUnderItsOwnDataKeyOpensWithThatKeyOnly() {
        PiiCipher cipher = new PiiCipher(settings(KEY, ""));
        byte[] dataKey = cipher.newDataKey();
        String sealed = cipher.encryptWith(dataKey, "张伟", "app-1");
        assertThat(sealed).startsWith("dk:").doesNotContain("张伟");
        assertThat(cipher.decryptWith(dataKey, sealed, "app-1")).isEqualTo("张伟");
        assertThatThrownBy(() -> cipher.decryptWith(cipher.newDataKey(), sealed, "app-1"))
                .hasMessageContaining("wrong data key");
        assertThatThrownBy(() -> cipher.decryptWith(dataKey, sealed, "app-2")).hasMessageContaining("tampered");
    }

    @Test
    void aCiphertextFromBeforeKeyIdsOpensWithWhicheverKeySealedIt() {
        PiiCipher before = new PiiCipher(settings(KEY, ""));
        String bare = before.encrypt("张伟", "app-1").substring(before.keyId().length() + 1);
        PiiCipher after = new PiiCipher(new PrivacySettings(NEW_KEY, List.of(KEY), KEY, ""));
        assertThat(after.decrypt(bare, "app-1")).isEqualTo("张伟");
        assertThat(after.sealedWithCurrentKey(bare)).isFalse();
        assertThatThrownBy(() -> new PiiCipher(settings(NEW_KEY, "")).decrypt(bare, "app-1"))
                .hasMessageContaining("no configured key opens this record");
    }

    @Test
    void blindIndexesHaveTheirOwnKeySoTheSealingKeyCanRotate() {
        PiiCipher before = new PiiCipher(settings(KEY, ""));
        PiiCipher rotated = new PiiCipher(new PrivacySettings(NEW_KEY, List.of(KEY), KEY, ""));
        assertThat(rotated.blindIndex("mobile", "13800138000")).isEqualTo(before.blindIndex("mobile", "13800138000"));
        assertThat(rotated.indexKeyId()).isEqualTo(before.indexKeyId());
        assertThat(rotated.tokenMac("otp")).isEqualTo(before.tokenMac("otp"));

        PiiCipher reindexed = new PiiCipher(new PrivacySettings(NEW_KEY, List.of(), INDEX_KEY, ""));
        assertThat(reindexed.blindIndex("mobile", "13800138000"))
                .isNotEqualTo(before.blindIndex("mobile", "13800138000"));
        assertThat(reindexed.indexKeyId()).isNotEqualTo(before.indexKeyId());

        // a previous key with indexes still keyed from the sealing key: refused, naming the way out
        assertThatThrownBy(() -> new PiiCipher(new PrivacySettings(NEW_KEY, List.of(KEY), "", "")))
                .hasMessageContaining("originate.privacy.index-key");
        assertThatThrownBy(() -> new PiiCipher(new PrivacySettings(NEW_KEY, List.of("AAEC"), KEY, "")))
                .hasMessageContaining("originate.privacy.previous-keys[0] must decode to 32 bytes");
    }

    @Test
    void ciphertextIsBoundToItsOwnerAndNeverRepeats() {
        PiiCipher cipher = new PiiCipher(settings(KEY, ""));
        String a = cipher.encrypt("11010519491231002X", "app-1");
        assertThat(a).doesNotContain("11010519491231002X").isNotEqualTo(cipher.encrypt("11010519491231002X", "app-1"));
        assertThat(cipher.decrypt(a, "app-1")).isEqualTo("11010519491231002X");
        assertThatThrownBy(() -> cipher.decrypt(a, "app-2")).hasMessageContaining("tampered");
    }

    @Test
    void blindIndexesAreStableKeyedAndNotThePlaintext() {
        PiiCipher one = new PiiCipher(settings(KEY, ""));
        PiiCipher other = new PiiCipher(settings("HxwdHhsaGRgXFhUUExIREA8ODQwLCgkIBwYFBAMCAQA=", ""));
        assertThat(one.blindIndex("mobile", "13800138000"))
                .isEqualTo(one.blindIndex("mobile", "13800138000"))
                .isNotEqualTo(other.blindIndex("mobile", "13800138000"))
                .doesNotContain("13800138000");
    }

    @Test
    void aKeyOfTheWrongSizeIsRefusedByName() {
        assertThatThrownBy(() -> new PiiCipher(settings("AAEC", "")))
                .hasMessageContaining("originate.privacy.key must decode to 32 bytes");
        assertThatThrownBy(() -> new PiiCipher(settings("", "")))
                .hasMessageContaining("originate.privacy.key is not set");
    }

    @Test
    void theDefaultProfileKeepsItsGeneratedKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/dev.key");
        String sealed = new PiiCipher(settings("", file.toString())).encrypt("张伟", "app-1");
        assertThat(Files.exists(file)).isTrue();
        assertThat(new PiiCipher(settings("", file.toString())).decrypt(sealed, "app-1"))
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

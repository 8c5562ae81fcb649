package io.originate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.originate.shared.Hashing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static List<AuditTrail.Entry> chain() {
        List<AuditTrail.Entry> entries = new ArrayList<>();
        String prev = AuditTrail.GENESIS;
        String[][] steps = {
            {"APPLICATION_SUBMITTED", "submitted"}, {"PHONE_VERIFIED", "verified"}, {"LOAN_PAID_OUT", "paid"}
        };
        for (int i = 0; i < steps.length; i++) {
            String at = "2026-11-25T08:00:0" + i + ".000Z";
            String hash = AuditTrail.hash(prev, i + 1, at, steps[i][0], steps[i][1]);
            entries.add(new AuditTrail.Entry(i + 1, at, steps[i][0], steps[i][1], hash, prev));
            prev = hash;
        }
        return entries;
    }

    @Test
    void theCanonicalFormIsDocumentedAndRecomputable() {
        String expected = Hashing.sha256Hex(
                AuditTrail.GENESIS + "\n1\n2026-11-25T08:00:00.000Z\nAPPLICATION_SUBMITTED\nsubmitted");
        assertThat(chain().get(0).hash()).isEqualTo(expected);
        assertThat(AuditTrail.verify(chain())).isTrue();
    }

    @Test
    void anyEditedOrRemovedEntryBreaksTheChain() {
        List<AuditTrail.Entry> edited = chain();
        AuditTrail.Entry e = edited.get(1);
        edited.set(1, new AuditTrail.Entry(e.seq(), e.at(), e.type(), "not verified", e.hash(), e.prevHash()));
        assertThat(AuditTrail.verify(edited)).isFalse();

        List<AuditTrail.Entry> removed = chain();
        removed.remove(1);
        assertThat(AuditTrail.verify(removed)).isFalse();
    }
}

package io.originate.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The sandbox KYC provider: every identity matches, except those listed in the sandbox KYC file,
 * which mismatch ({@code MISMATCH}) or never answer ({@code TIMEOUT}). Never at random.
 */
@Component
@ConditionalOnProperty(name = "originate.adapters.kyc", havingValue = "sandbox")
class SandboxKycProvider implements KycProvider {

    private final Map<String, String> cases = new HashMap<>();

    SandboxKycProvider(SandboxKycSettings settings) {
        Resource file = settings.kycFile();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            String line = in.readLine();
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", 3);
                if (f.length < 2 || !(f[1].equals("MISMATCH") || f[1].equals("TIMEOUT"))) {
                    throw new IllegalStateException(
                            file + " line " + n + ": expected nationalId,MISMATCH|TIMEOUT,note");
                }
                cases.put(f[0].strip().toUpperCase(), f[1]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox KYC file " + file, e);
        }
    }

    @Override
    public boolean matches(String fullName, String nationalId, String mobile) {
        String sandboxCase = cases.get(nationalId);
        if ("TIMEOUT".equals(sandboxCase)) {
            throw new KycUnavailableException("Sandbox KYC provider timed out (listed case)");
        }
        return !"MISMATCH".equals(sandboxCase);
    }
}

package io.originate.credit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The sandbox bureau: a clean file (score 720, no delinquencies, no recent inquiries) for every
 * national ID, except those listed in the sandbox bureau file, which answer as listed there, or
 * do not answer at all ({@code TIMEOUT}) or have no file ({@code NO_FILE}).
 */
@Component
@ConditionalOnProperty(name = "originate.adapters.credit-bureau", havingValue = "sandbox")
class SandboxCreditBureau implements CreditBureau {

    static final CreditReport CLEAN = new CreditReport(true, 720, 4, BigDecimal.ZERO, 0, 0, false, 96);

    private final Map<String, String[]> listed = new HashMap<>();

    SandboxCreditBureau(SandboxBureauSettings settings) {
        Resource file = settings.bureauFile();
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (header == null || !header.startsWith("nationalId,case,score")) {
                throw new IllegalStateException(file + ": expected header nationalId,case,score,...");
            }
            String line;
            int n = 1;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (f.length < 9) {
                    throw new IllegalStateException(file + " line " + n + ": expected 9 or more columns");
                }
                listed.put(f[0].strip().toUpperCase(), f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox bureau file " + file, e);
        }
    }

    @Override
    public CreditReport report(String nationalId, String fullName) {
        String[] f = listed.get(nationalId);
        if (f == null) {
            return CLEAN;
        }
        return switch (f[1].strip()) {
            case "TIMEOUT" -> throw new BureauUnavailableException("Sandbox bureau timed out (listed case)");
            case "NO_FILE" -> CreditReport.noFile();
            default ->
                new CreditReport(
                        true,
                        Integer.parseInt(f[2].strip()),
                        Integer.parseInt(f[3].strip()),
                        new BigDecimal(f[4].strip()),
                        Integer.parseInt(f[5].strip()),
                        Integer.parseInt(f[6].strip()),
                        Boolean.parseBoolean(f[7].strip()),
                        Integer.parseInt(f[8].strip()));
        };
    }
}

package io.originate.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The files of a rules folder: the tables and the reason catalogue, read from the folder of the
 * working directory when there is one (an analyst's checkout), else from the classpath (the
 * packaged app); the scenario files beside them; a fingerprint that changes with any of them.
 */
final class RuleFolder {

    static final String CATALOGUE = "reason-codes.csv";
    static final String SCENARIO_SUFFIX = ".scenarios.csv";

    private RuleFolder() {}

    /** Real tables only: Excel's lock files (~$name.xlsx) and hidden files are skipped. */
    static boolean isTable(String fileName) {
        return fileName.endsWith(DecisionTable.SUFFIX) && !fileName.startsWith("~$") && !fileName.startsWith(".");
    }

    private static boolean isRuleFile(String fileName) {
        return isTable(fileName) || fileName.equals(CATALOGUE);
    }

    /** The tables and catalogue of a location, by file name in name order. */
    static Map<String, byte[]> read(String location) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        Path folder = Path.of(location);
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> list = Files.list(folder)) {
                    for (Path p : list.sorted().toList()) {
                        if (isRuleFile(p.getFileName().toString())) {
                            files.put(p.getFileName().toString(), Files.readAllBytes(p));
                        }
                    }
                }
            } else {
                Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:rules/*");
                for (Resource r : resources) {
                    String n = r.getFilename();
                    if (n != null && isRuleFile(n)) {
                        try (InputStream in = r.getInputStream()) {
                            files.put(n, in.readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the decision tables in " + location, e);
        }
        return files;
    }

    /** Every scenario file of a folder, in name order. */
    static List<Path> scenarioFiles(Path folder) {
        try (Stream<Path> list = Files.list(folder)) {
            return list.filter(p -> p.getFileName().toString().endsWith(SCENARIO_SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names, sizes and modification times of the folder's rule and scenario files. */
    static String fingerprint(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "";
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> {
                        String n = p.getFileName().toString();
                        return isRuleFile(n) || n.endsWith(SCENARIO_SUFFIX);
                    })
                    .sorted()
                    .map(p -> {
                        try {
                            return p.getFileName() + ":" + Files.size(p) + ":"
                                    + Files.getLastModifiedTime(p).toMillis();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .collect(Collectors.joining("|"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

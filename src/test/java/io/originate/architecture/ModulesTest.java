package io.originate.architecture;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ImportOption;
import io.originate.OriginateApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The stages as Spring Modulith application modules: each may use only what another stage
 * publishes (the types of its top package), and no arrows may form a cycle. The module diagrams
 * (PlantUML and SVG) and canvases in {@code docs/architecture/} are written from the same model on
 * every build, in a stable order so that only a real change of the structure changes them.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(OriginateApplication.class);
    static final Path GENERATED = Path.of("target/spring-modulith-docs");
    static final Path PUBLISHED = Path.of("docs/architecture");

    @Test
    void stagesUseOnlyEachOthersPublishedTypesAndFormNoCycle() {
        MODULES.verify();
    }

    /** The same verification on two small examples (test sources): it fails on each kind of mistake. */
    @Test
    void theVerificationFailsOnACycleAndOnAReachIntoInternals() {
        ImportOption everything = location -> true;
        assertThatThrownBy(() -> ApplicationModules.of("fixtures.modules.cycle", everything)
                        .verify())
                .hasMessageContaining("Cycle detected");
        assertThatThrownBy(() -> ApplicationModules.of("fixtures.modules.internal", everything)
                        .verify())
                .hasMessageContaining("non-exposed type fixtures.modules.internal.b.internal.Hidden");
    }

    @Test
    void publishesTheModuleDiagramsAndCanvases() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Files.createDirectories(PUBLISHED);
        try (Stream<Path> files = Files.list(GENERATED)) {
            for (Path file : files.sorted().toList()) {
                String text = stable(Files.readString(file));
                Path published = PUBLISHED.resolve(file.getFileName());
                Path picture = PUBLISHED.resolve(file.getFileName().toString().replace(".puml", ".svg"));
                boolean unchanged =
                        Files.exists(published) && Files.readString(published).equals(text);
                Files.writeString(published, text);
                if (file.getFileName().toString().endsWith(".puml") && !(unchanged && Files.exists(picture))) {
                    Files.writeString(picture, svg(text)); // drawn again only when the structure changed
                }
            }
        }
    }

    /** The documenter lists elements in hash order; runs of the same kind of line are sorted. */
    private static String stable(String text) {
        List<String> out = new ArrayList<>();
        List<String> run = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            String kind = kind(line);
            if (!run.isEmpty() && !kind(run.get(0)).equals(kind)) {
                run.sort(null);
                out.addAll(run);
                run.clear();
            }
            if (kind.isEmpty()) {
                out.add(line);
            } else {
                run.add(line);
            }
        }
        run.sort(null);
        out.addAll(run);
        return String.join("\n", out);
    }

    private static String kind(String line) {
        String t = line.strip();
        return t.startsWith("Rel(")
                ? "relation"
                : t.startsWith("Component(") ? "component" : t.startsWith("* `") ? "item" : "";
    }

    private static String svg(String plantUml) throws IOException {
        String source = plantUml.replaceFirst("@startuml\n", "@startuml\n!pragma layout smetana\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SourceStringReader(source).outputImage(out, new FileFormatOption(FileFormat.SVG).withSvgLinkTarget("_top"));
        return out.toString(StandardCharsets.UTF_8);
    }
}

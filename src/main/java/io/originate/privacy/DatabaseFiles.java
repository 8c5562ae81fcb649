package io.originate.privacy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * An embedded H2 database in files is readable by this user only: its folder is made {@code rwx------}
 * and the files in it {@code rw-------} before the first connection, so that other accounts on the
 * machine cannot copy the database (or the dev key kept beside it).
 */
@Component
class DatabaseFiles implements BeanPostProcessor {

    private static final String H2_FILE = "jdbc:h2:file:";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource data
                && data.getJdbcUrl() != null
                && data.getJdbcUrl().startsWith(H2_FILE)) {
            String file = data.getJdbcUrl().substring(H2_FILE.length()).split(";", 2)[0];
            if (file.startsWith("~")) {
                file = System.getProperty("user.home") + file.substring(1);
            }
            restrict(Path.of(file).toAbsolutePath().getParent());
        }
        return bean;
    }

    static void restrict(Path folder) {
        try {
            Files.createDirectories(folder);
            if (!Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                return;
            }
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
            try (Stream<Path> files = Files.list(folder)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.setPosixFilePermissions(f, owner);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the database folder " + folder + " private", e);
        }
    }
}

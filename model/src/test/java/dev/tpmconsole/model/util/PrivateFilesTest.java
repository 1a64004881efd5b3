package dev.tpmconsole.model.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateFilesTest {

    @TempDir
    Path dir;

    /**
     * Two runs started together both make the database's runs folder: each finds it there as asked, where the one that
     * lost the race failed on "exists already" (a fault test saw it once in CI).
     */
    @Test
    void foldersMadeByOthersMeanwhileAreThereAsAsked() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 200; round++) {
                Path folder = dir.resolve("db" + round + ".sqlite.runs").resolve("run-1");
                CyclicBarrier together = new CyclicBarrier(4);
                List<Future<Path>> made = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    made.add(pool.submit((Callable<Path>) () -> {
                        together.await();
                        return PrivateFiles.createFolders(folder);
                    }));
                }
                for (Future<Path> f : made) {
                    assertThat(f.get()).isEqualTo(folder.toAbsolutePath().normalize());
                }
                assertThat(folder).isDirectory();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFileInTheWayIsNotAFolder() throws Exception {
        Path file = Files.writeString(dir.resolve("db.sqlite.runs"), "not a folder");
        assertThatThrownBy(() -> PrivateFiles.createFolders(file.resolve("run-1")))
                .isInstanceOf(java.nio.file.FileSystemException.class);
        assertThatThrownBy(() -> PrivateFiles.createFolders(file)).isInstanceOf(FileAlreadyExistsException.class);
    }
}

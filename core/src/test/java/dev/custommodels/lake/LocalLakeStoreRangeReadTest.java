package dev.custommodels.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.custommodels.models.LakeObjectNotFoundException;
import dev.custommodels.spi.LakeObjectInfo;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.WriteCondition;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLakeStoreRangeReadTest {
    @TempDir
    Path dir;

    @Test
    void rangeReadsReturnExactlyTheRangeNativelyAndThroughTheDefault() throws Exception {
        LocalLakeStore lake = new LocalLakeStore(dir);
        lake.write("a/b.txt", "0123456789".getBytes(StandardCharsets.UTF_8), WriteCondition.none());
        LakeStore viaDefault = new DefaultOnly(lake);
        for (LakeStore store : new LakeStore[] {lake, viaDefault}) {
            assertThat(read(store, "a/b.txt", 3, 4)).isEqualTo("3456");
            assertThat(read(store, "a/b.txt", 0, 0)).isEmpty();
            assertThat(read(store, "a/b.txt", 8, 100)).isEqualTo("89");
            assertThat(read(store, "a/b.txt", 20, 5)).isEmpty();
            assertThatThrownBy(() -> store.openRead("a/b.txt", -1, 2)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.openRead("a/none.txt", 0, 2))
                    .isInstanceOf(LakeObjectNotFoundException.class);
        }
    }

    private static String read(LakeStore store, String path, long offset, long length) throws Exception {
        try (InputStream in = store.openRead(path, offset, length)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A store that keeps the SPI's default range read. */
    private record DefaultOnly(LakeStore inner) implements LakeStore {
        @Override
        public InputStream openRead(String path) {
            return inner.openRead(path);
        }

        @Override
        public Optional<LakeObjectInfo> stat(String path) {
            return inner.stat(path);
        }

        @Override
        public LakeOutputStream openWrite(String path, WriteCondition condition) {
            return inner.openWrite(path, condition);
        }

        @Override
        public Stream<LakeObjectInfo> list(String prefix) {
            return inner.list(prefix);
        }

        @Override
        public boolean delete(String path, WriteCondition condition) {
            return inner.delete(path, condition);
        }

        @Override
        public String describe() {
            return "default-only";
        }
    }
}

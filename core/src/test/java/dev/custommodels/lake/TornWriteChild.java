package dev.custommodels.lake;

import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.WriteCondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The child program of {@link LocalLakeStoreTornWriteTest}, run under a file size limit: it replaces a small object
 * with a large one whose writing fails part-way (the file system refuses to grow the file), closes the stream
 * anyway, and prints what closing did and what the path then holds.
 */
public final class TornWriteChild {
    private TornWriteChild() {
    }

    /**
     * Runs the write.
     *
     * @param args the lake root
     * @throws Exception when the set-up fails
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        LocalLakeStore store = new LocalLakeStore(root);
        store.write("data/object.bin", "v1".getBytes(StandardCharsets.UTF_8), WriteCondition.none());
        LakeOutputStream out = store.openWrite("data/object.bin", WriteCondition.none());
        byte[] chunk = new byte[1 << 20];
        String writeFailure = "none";
        try {
            for (int i = 0; i < 4; i++) {
                out.write(chunk);
            }
        } catch (IOException e) {
            writeFailure = e.getMessage();
        }
        String closed;
        try {
            out.close();
            closed = "committed";
        } catch (IOException e) {
            closed = "refused: " + e.getMessage();
        }
        long files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("."))
                    .count();
        }
        System.out.println("write_failure=" + writeFailure);
        System.out.println("close=" + closed);
        System.out.println("content=" + new String(store.readAll("data/object.bin"), StandardCharsets.ISO_8859_1)
                .length() + " bytes");
        System.out.println("files=" + files);
    }
}

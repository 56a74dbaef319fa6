package dev.custommodels.connectors.batch.implementation;

import com.azure.core.util.logging.ClientLogger;
import dev.custommodels.spi.LakeOutputStream;
import dev.custommodels.spi.LakeStore;
import dev.custommodels.spi.StagedInput;
import dev.custommodels.spi.WriteCondition;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Copies staged CSV files from the client's lake into a datastore, streaming: into a flat folder (one file per
 * staged chunk, as the service does not read folders recursively) or, for a {@code uri_file} input, into one file
 * with a single header row.
 */
final class InputStager {
    private static final ClientLogger LOGGER = new ClientLogger(InputStager.class);

    private InputStager() {
    }

    /** Copies every chunk of the input into {@code folder} as {@code part-00000.csv}, … */
    static void toFolder(LakeStore lake, LakeStore store, String folder, StagedInput input) {
        if (input.paths().isEmpty()) {
            write(store, folder + "part-00000.csv", header(input));
            return;
        }
        for (int i = 0; i < input.paths().size(); i++) {
            String target = folder + String.format(Locale.ROOT, "part-%05d.csv", i);
            LakeOutputStream out = store.openWrite(target, WriteCondition.none());
            try {
                try (InputStream in = lake.openRead(input.paths().get(i))) {
                    in.transferTo(out);
                }
                out.close();
            } catch (IOException | RuntimeException e) {
                out.abort();
                throw failed(input, target, e);
            }
        }
        LOGGER.info("Staged input {} ({} rows in {} files) into {}{}.", input.input(), input.rowCount(),
                input.paths().size(), store.describe(), "/" + folder);
    }

    /** Concatenates the input's chunks into one file, keeping the first chunk's header row only. */
    static void toFile(LakeStore lake, LakeStore store, String file, StagedInput input) {
        if (input.paths().isEmpty()) {
            write(store, file, header(input));
            return;
        }
        LakeOutputStream out = store.openWrite(file, WriteCondition.none());
        try {
            for (int i = 0; i < input.paths().size(); i++) {
                try (InputStream in = new BufferedInputStream(lake.openRead(input.paths().get(i)))) {
                    if (i > 0) {
                        skipLine(in);
                    }
                    in.transferTo(out);
                }
            }
            out.close();
        } catch (IOException | RuntimeException e) {
            out.abort();
            throw failed(input, file, e);
        }
    }

    private static void skipLine(InputStream in) throws IOException {
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            // the chunk's header row
        }
    }

    private static byte[] header(StagedInput input) {
        return Csv.line(input.columns()).getBytes(StandardCharsets.UTF_8);
    }

    private static void write(LakeStore store, String path, byte[] content) {
        store.write(path, content, WriteCondition.none());
    }

    private static UncheckedIOException failed(StagedInput input, String target, Exception e) {
        IOException io = e instanceof IOException ? (IOException) e : new IOException(e.getMessage(), e);
        return new UncheckedIOException("Staging input '" + input.input() + "' into datastore path '" + target
                + "' failed: " + e.getMessage(), io);
    }
}

package dev.custommodels.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Starts {@link OutputWriterProcess} in a child JVM and reads its marker lines. */
final class ChildProcesses {
    private ChildProcesses() {
    }

    static Process start(Path errors, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(OutputWriterProcess.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(errors.toFile()).start();
    }

    static BufferedReader lines(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Reads lines until one equals the marker; fails on end of output or after the timeout. */
    static void awaitLine(BufferedReader out, String marker, Path errors) throws Exception {
        CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals(marker)) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String line = found.get(120, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("The child process ended without printing '" + marker + "'. Its errors: "
                    + java.nio.file.Files.readString(errors));
        }
    }
}

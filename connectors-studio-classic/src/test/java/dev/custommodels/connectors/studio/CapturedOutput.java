package dev.custommodels.connectors.studio;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Copies everything written to {@code System.out} and {@code System.err} into a buffer from the start of the test
 * session, before any connector class (and its logger) exists, so the secrets test can read what was logged. The
 * module's tests run with {@code AZURE_LOG_LEVEL=verbose}.
 */
public final class CapturedOutput implements LauncherSessionListener {
    private static final ByteArrayOutputStream BUFFER = new ByteArrayOutputStream();

    /** Created by the JUnit launcher. */
    public CapturedOutput() {
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        System.setOut(tee(System.out));
        System.setErr(tee(System.err));
    }

    private static PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (BUFFER) {
                    BUFFER.write(b);
                }
            }

            @Override
            public void write(byte[] b, int off, int len) {
                original.write(b, off, len);
                synchronized (BUFFER) {
                    BUFFER.write(b, off, len);
                }
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    /**
     * Returns everything written so far.
     *
     * @return the text
     */
    static String text() {
        synchronized (BUFFER) {
            return BUFFER.toString(StandardCharsets.UTF_8);
        }
    }
}

package dev.custommodels.testkit.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy that forwards bytes to a target and, when told to, resets a connection after a number of
 * client-to-server bytes: the way a network drop looks to an HTTP client in the middle of an upload.
 *
 * <pre>{@code
 * try (TcpFaultProxy proxy = TcpFaultProxy.start("127.0.0.1", azurite.port())) {
 *     proxy.cutOnceAfter(6L << 20);   // the connection carrying the 6 MiB-th upstream byte is reset there
 *     // point the client at http://127.0.0.1:<proxy.port()>/devstoreaccount1
 * }
 * }</pre>
 *
 * <p>Thread-safe. Every accepted connection uses two daemon threads.
 */
public final class TcpFaultProxy implements AutoCloseable {
    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong upstreamBytes = new AtomicLong();
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile long cutOnceAt = -1;
    private volatile long cutEveryAfter = -1;
    private volatile boolean closed;

    private TcpFaultProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "tcp-fault-proxy-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Starts a proxy on a free loopback port.
     *
     * @param host the target host, a loopback address
     * @param port the target port
     * @return the proxy; close it to stop it
     * @throws UncheckedIOException when no port can be bound
     */
    public static TcpFaultProxy start(String host, int port) {
        Objects.requireNonNull(host, "host");
        try {
            return new TcpFaultProxy(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the TCP fault proxy.", e);
        }
    }

    /**
     * Returns the port to connect to instead of the target's.
     *
     * @return the loopback port
     */
    public int port() {
        return server.getLocalPort();
    }

    /**
     * Lets the given number of client-to-server bytes (counted from now, over all connections) through, then resets,
     * once, the connection that tries to send more; the bytes after the limit never reach the target.
     *
     * @param bytes how many upstream bytes to let through first
     * @return this proxy
     */
    public TcpFaultProxy cutOnceAfter(long bytes) {
        cutOnceAt = upstreamBytes.get() + bytes;
        return this;
    }

    /**
     * Resets every connection, new or open, once it has carried the given number of client-to-server bytes, until
     * {@link #heal()}.
     *
     * @param bytes how many upstream bytes each connection may carry
     * @return this proxy
     */
    public TcpFaultProxy cutEveryConnectionAfter(long bytes) {
        cutEveryAfter = bytes;
        return this;
    }

    /**
     * Stops injecting faults; bytes flow freely again.
     *
     * @return this proxy
     */
    public TcpFaultProxy heal() {
        cutOnceAt = -1;
        cutEveryAfter = -1;
        return this;
    }

    /**
     * Returns how many connections the proxy reset.
     *
     * @return the count
     */
    public int cuts() {
        return cuts.get();
    }

    /**
     * Returns how many connections the proxy accepted.
     *
     * @return the count
     */
    public int connections() {
        return connections.get();
    }

    /**
     * Returns how many client-to-server bytes went through.
     *
     * @return the count
     */
    public long upstreamBytes() {
        return upstreamBytes.get();
    }

    /** Stops accepting and closes every connection. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        List.copyOf(open).forEach(this::closeQuietly);
    }

    @Override
    public String toString() {
        return "TcpFaultProxy{port=" + port() + ", target=" + target + ", cuts=" + cuts + "}";
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                Socket upstream = new Socket();
                upstream.connect(target, 10_000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                open.add(client);
                open.add(upstream);
                start(() -> pumpUpstream(client, upstream), "up");
                start(() -> pumpDownstream(upstream, client), "down");
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void pumpUpstream(Socket client, Socket upstream) {
        long carried = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                long before = upstreamBytes.getAndAdd(n);
                long allowed = allowance(before, carried, n);
                if (allowed < n) {
                    out.write(buffer, 0, (int) allowed);
                    out.flush();
                    upstreamBytes.addAndGet(allowed - n);
                    cuts.incrementAndGet();
                    reset(client, upstream);
                    return;
                }
                out.write(buffer, 0, n);
                carried += n;
            }
        } catch (IOException e) {
            // the other side closed: fall through to close both
        }
        closeQuietly(client);
        closeQuietly(upstream);
    }

    private long allowance(long totalBefore, long carried, int n) {
        long allowed = n;
        long once = cutOnceAt;
        if (once >= 0 && totalBefore + n > once) {
            synchronized (this) {
                if (cutOnceAt == once) {
                    cutOnceAt = -1;
                    allowed = Math.max(0, once - totalBefore);
                }
            }
        }
        long every = cutEveryAfter;
        if (every >= 0 && carried + n > every) {
            allowed = Math.min(allowed, Math.max(0, every - carried));
        }
        return allowed;
    }

    private void pumpDownstream(Socket upstream, Socket client) {
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // reset or closed
        }
        closeQuietly(client);
        closeQuietly(upstream);
    }

    private void reset(Socket client, Socket upstream) {
        for (Socket s : new Socket[] {client, upstream}) {
            try {
                s.setSoLinger(true, 0); // RST instead of FIN: an abrupt drop
            } catch (SocketException ignored) {
                // already closed
            }
            closeQuietly(s);
        }
    }

    private static void start(Runnable pump, String direction) {
        Thread t = new Thread(pump, "tcp-fault-proxy-" + direction);
        t.setDaemon(true);
        t.start();
    }

    private void closeQuietly(Socket s) {
        open.remove(s);
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}

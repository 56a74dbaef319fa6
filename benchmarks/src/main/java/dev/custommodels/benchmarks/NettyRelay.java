package dev.custommodels.benchmarks;

import io.netty.handler.codec.http.HttpHeaderNames;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import reactor.netty.DisposableServer;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.server.HttpServer;

/**
 * A loopback HTTP relay on Reactor Netty that forwards every request unchanged to an upstream and streams both
 * bodies through as they arrive, without copying them in user space. It translates nothing: it is the cheapest
 * relay this machine can run, the reference for what the extra hop of the dfs gateway costs whatever server takes
 * it.
 */
final class NettyRelay implements AutoCloseable {
    private final DisposableServer server;

    private NettyRelay(DisposableServer server) {
        this.server = server;
    }

    /**
     * Starts a relay on a free loopback port.
     *
     * @param upstream the scheme, host and port to forward to
     * @return the running relay; close it to stop it
     */
    static NettyRelay start(URI upstream) {
        String target = upstream.getScheme() + "://" + upstream.getRawAuthority();
        HttpClient client = HttpClient.create();
        DisposableServer server = HttpServer.create()
                .bindAddress(() -> new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .handle((request, response) -> client
                        .headers(headers -> headers.set(request.requestHeaders()).remove(HttpHeaderNames.HOST))
                        .request(request.method())
                        .uri(target + request.uri())
                        .send((upstreamRequest, out) -> out.send(request.receive().retain()))
                        .responseConnection((upstreamResponse, connection) -> {
                            response.status(upstreamResponse.status()).headers(upstreamResponse.responseHeaders());
                            return response.send(connection.inbound().receive().retain()).then();
                        })
                        .then())
                .bindNow();
        return new NettyRelay(server);
    }

    /**
     * Returns the port.
     *
     * @return the loopback port
     */
    int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}

package org.lotkeeper.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Forwards TCP connections from a port on the host's 127.0.0.1 to a UNIX socket, so that a test
 * or the benchmark reaches a program in a network namespace that listens on a socket file, without
 * any interface but loopback. {@link #toLoopbackPort} forwards the other way, so that programs in
 * the namespace reach a server of the test. Each connection is copied by two virtual threads.
 */
public final class UnixSocketBridge implements AutoCloseable {

    private final SocketAddress target;
    private final ServerSocketChannel server;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();

    /** Listens on {@code 127.0.0.1:port}, or on a free port for 0, and forwards to {@code socket}. */
    public UnixSocketBridge(Path socket, int port) throws IOException {
        // An IPv4 socket, so that it shows as 127.0.0.1 and not as an IPv4-mapped IPv6 address.
        this(ServerSocketChannel.open(StandardProtocolFamily.INET)
                        .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)),
                UnixDomainSocketAddress.of(socket), "bridge-" + socket.getFileName());
    }

    private UnixSocketBridge(ServerSocketChannel server, SocketAddress target, String name) {
        this.server = server;
        this.target = target;
        Thread.ofVirtual().name(name).start(this::accept);
    }

    /**
     * Listens on the UNIX socket {@code socket}, which anyone may connect to (nginx's workers run
     * as 'nobody'), and forwards each connection to {@code port} on the host's 127.0.0.1.
     */
    public static UnixSocketBridge toLoopbackPort(Path socket, int port) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
                .bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwxrwxrwx"));
        return new UnixSocketBridge(server, new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                "bridge-to-port-" + port);
    }

    /** Returns the TCP port this bridge listens on; only for a bridge made by the constructor. */
    public int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException("The bridge to " + target + " has no local address", e);
        }
    }

    /** Returns {@code http://127.0.0.1:PORT/}, the address of an HTTP server behind the socket. */
    public URI httpAddress() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                Thread.ofVirtual().start(() -> forward(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void forward(SocketChannel client) {
        open.add(client);
        try (client; SocketChannel upstream = SocketChannel.open(target)) {
            open.add(upstream);
            Thread back = Thread.ofVirtual().start(() -> copy(upstream, client));
            copy(client, upstream);
            back.join();
            open.remove(upstream);
        } catch (IOException e) {
            // The socket is not there yet or the program behind it is gone: the client sees the connection close.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
        }
    }

    /** Copies until end of stream, then half-closes the destination so the other direction may finish. */
    private static void copy(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
            to.shutdownOutput();
        } catch (ClosedChannelException e) {
            // The other direction closed both channels.
        } catch (IOException e) {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel channel : open) {
            channel.close();
        }
    }
}

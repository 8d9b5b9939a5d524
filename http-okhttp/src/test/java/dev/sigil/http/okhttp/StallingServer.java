package dev.sigil.http.okhttp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A server on 127.0.0.1 that answers every connection with a fixed prefix (possibly nothing) and
 * then goes silent until closed: a response that never completes, without any sleeping.
 */
final class StallingServer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread acceptor;

    StallingServer(String prefix) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        byte[] bytes = prefix.getBytes(StandardCharsets.US_ASCII);
        acceptor = new Thread(() -> serve(bytes), "stalling-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + path);
    }

    private void serve(byte[] prefix) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                OutputStream out = socket.getOutputStream();
                out.write(prefix);
                out.flush();
                // Swallow the request and block until the client gives up and closes.
                InputStream in = socket.getInputStream();
                byte[] sink = new byte[1024];
                while (in.read(sink) >= 0) {
                    // keep draining
                }
            } catch (IOException closedOrReset) {
                // the client hung up or the server was closed: serve the next one, or stop
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

package com.mercato.web.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.mercato.testsupport.TestServices;

/**
 * A TCP proxy between the application and this run's Redis, so a test can take Redis away
 * ({@link #cut()}: every connection closes, new ones are closed at once) and give it back
 * ({@link #restore()}) without touching the Redis server others share. One per JVM; the
 * shared test context talks to Redis through it.
 */
public final class RedisProxy {

    private static volatile RedisProxy instance;

    private final String upstreamHost;
    private final int upstreamPort;
    private final URI upstream;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private RedisProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.upstreamHost = upstream.getHost();
        this.upstreamPort = upstream.getPort() < 0 ? 6379 : upstream.getPort();
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("redis-proxy-accept").start(this::acceptLoop);
    }

    public static RedisProxy get() {
        RedisProxy local = instance;
        if (local == null) {
            synchronized (RedisProxy.class) {
                local = instance;
                if (local == null) {
                    try {
                        local = new RedisProxy(URI.create(TestServices.get().redisUrl()));
                    } catch (IOException e) {
                        throw new UncheckedIOException("Cannot start the Redis proxy", e);
                    }
                    instance = local;
                }
            }
        }
        return local;
    }

    /** The upstream URL with the proxy's address instead of the server's (database and password kept). */
    public String url() {
        return upstream.getScheme() + "://" + (upstream.getRawUserInfo() == null ? "" : upstream.getRawUserInfo() + "@")
                + "127.0.0.1:" + server.getLocalPort() + (upstream.getRawPath() == null ? "" : upstream.getRawPath());
    }

    /** Redis is gone for the application: open connections drop, new ones are closed straight away. */
    public void cut() {
        cut = true;
        open.forEach(RedisProxy::closeQuietly);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Thread.ofVirtual().start(() -> connect(client));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void connect(Socket client) {
        Socket redis = new Socket();
        try {
            redis.connect(new InetSocketAddress(upstreamHost, upstreamPort), 2000);
        } catch (IOException e) {
            closeQuietly(client);
            closeQuietly(redis);
            return;
        }
        open.add(client);
        open.add(redis);
        if (cut) {
            // cut while connecting: do not let this one through
            closeQuietly(client);
            closeQuietly(redis);
            return;
        }
        Thread.ofVirtual().start(() -> pump(client, redis));
        pump(redis, client);
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // either side went away: close both below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}

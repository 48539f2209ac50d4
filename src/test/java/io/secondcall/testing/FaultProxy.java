package io.secondcall.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of a test server that can make the network fail: once armed
 * with {@link #cutAfter}, it lets that many bytes through from the server, then drops every
 * connection mid-stream and refuses new ones until {@link #heal}, as a restarted server, a
 * dropped Wi-Fi or a NAT timeout would. Where in a conversation the cut lands is up to the byte
 * count the test picks.
 */
public final class FaultProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int target;
  private final List<Socket> open = new ArrayList<>();
  private final AtomicLong fromServer = new AtomicLong();
  private long cutAt = Long.MAX_VALUE;
  private boolean down;

  private FaultProxy(ServerSocket listener, int target) {
    this.listener = listener;
    this.target = target;
  }

  /** Starts a proxy on 127.0.0.1, on a free port, in front of {@code targetPort}. */
  public static FaultProxy start(int targetPort) throws IOException {
    FaultProxy proxy = new FaultProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
    daemon(proxy::accept);
    return proxy;
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Bytes the server sent through the proxy so far. */
  public long bytesFromServer() {
    return fromServer.get();
  }

  /** After {@code bytes} more bytes from the server, every connection drops and new ones are refused. */
  public synchronized void cutAfter(long bytes) {
    cutAt = fromServer.get() + bytes;
    down = false;
  }

  /** The network is back: connections go through again, nothing is cut. */
  public synchronized void heal() {
    cutAt = Long.MAX_VALUE;
    down = false;
  }

  @Override
  public void close() throws IOException {
    listener.close();
    dropAll();
  }

  private void accept() {
    try {
      while (true) {
        Socket client = listener.accept();
        synchronized (this) {
          if (down) {
            client.close();
            continue;
          }
          Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
          client.setTcpNoDelay(true);
          server.setTcpNoDelay(true);
          open.add(client);
          open.add(server);
          daemon(() -> pump(client, server, false));
          daemon(() -> pump(server, client, true));
        }
      }
    } catch (IOException e) {
      // Closed.
    }
  }

  private void pump(Socket from, Socket to, boolean counted) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        int pass = n;
        if (counted) {
          synchronized (this) {
            long before = fromServer.getAndAdd(n);
            if (before + n >= cutAt) {
              pass = (int) Math.max(0, cutAt - before);
              down = true;
            }
          }
        }
        out.write(buffer, 0, pass);
        out.flush();
        if (pass < n || isDown()) {
          dropAll();
          return;
        }
      }
    } catch (IOException e) {
      // One side closed or was dropped.
    } finally {
      closeQuietly(to);
    }
  }

  private synchronized boolean isDown() {
    return down;
  }

  private void dropAll() {
    List<Socket> sockets;
    synchronized (this) {
      sockets = new ArrayList<>(open);
      open.clear();
    }
    sockets.forEach(FaultProxy::closeQuietly);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Already gone.
    }
  }

  private static void daemon(Runnable r) {
    Thread t = new Thread(r, "fault-proxy");
    t.setDaemon(true);
    t.start();
  }
}

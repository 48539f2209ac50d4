package io.secondcall.mail.imap;

import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * IMAP IDLE on the inbox, bounded in time. Angus Mail's {@code IMAPFolder.idle(true)} returns
 * after the first notification; closing the folder from another thread sends DONE and ends it,
 * which is how both the deadline and {@link #close()} stop the wait. {@link #close()} may come
 * at any moment from another thread (the signal handler), also while the folder is still being
 * opened; once closed, every wait returns at once.
 */
final class InboxWatch implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InboxWatch.class);

  private final String accountLabel;
  private ScheduledExecutorService timer;
  private IMAPFolder watched;
  private boolean closed;

  InboxWatch(String accountLabel) {
    this.accountLabel = accountLabel;
  }

  /** @return true when the server reported a change before {@code max} ran out */
  boolean await(IMAPFolder inbox, Duration max) throws MessagingException {
    synchronized (this) {
      if (closed) {
        return false;
      }
      watched = inbox;
    }
    AtomicBoolean timedOut = new AtomicBoolean();
    try {
      inbox.open(Folder.READ_ONLY);
      ScheduledFuture<?> deadline;
      synchronized (this) {
        // A close() while the folder was opening found nothing open to close: nothing else would end this IDLE.
        if (closed) {
          return false;
        }
        deadline = timer().schedule(() -> {
          timedOut.set(true);
          stop(inbox);
        }, max.toMillis(), TimeUnit.MILLISECONDS);
      }
      try {
        log.debug("{} waiting up to {} s for the inbox to change (IDLE)", accountLabel, max.toSeconds());
        inbox.idle(true);
        return !timedOut.get() && !isClosed();
      } finally {
        deadline.cancel(false);
      }
    } catch (IllegalStateException e) {
      // The folder was closed under us: by the deadline or by close().
      return false;
    } catch (MessagingException e) {
      if (timedOut.get() || isClosed()) {
        return false;
      }
      throw e;
    } finally {
      synchronized (this) {
        watched = null;
      }
      stop(inbox);
    }
  }

  /** Created on first use; only called with the lock held and before close(). */
  private ScheduledExecutorService timer() {
    if (timer == null) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "imap-idle-deadline " + accountLabel);
        t.setDaemon(true);
        return t;
      });
    }
    return timer;
  }

  synchronized boolean isClosed() {
    return closed;
  }

  private void stop(IMAPFolder folder) {
    try {
      if (folder.isOpen()) {
        folder.close(false);
      }
    } catch (MessagingException | RuntimeException e) {
      log.debug("{} ending IDLE: {}", accountLabel, e.toString());
    }
  }

  @Override
  public void close() {
    IMAPFolder running;
    ScheduledExecutorService scheduler;
    synchronized (this) {
      closed = true;
      running = watched;
      scheduler = timer;
    }
    if (running != null) {
      stop(running);
    }
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}

package org.vfioworkbench.host;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads one scan reads on: as many as the machine has cores (at most {@link #MAX}), or none
 * on a single core, where every task runs on the caller's thread. A scan's reads are independent
 * (each PCI function's directory, the processes), so they run side by side; the caller joins the
 * results in the order it submitted them, so the result does not depend on which thread finished
 * first. The threads end with {@link #close()}.
 */
public final class ScanWorkers implements AutoCloseable {

  /** More threads than this only queue on the same disk and page cache. */
  static final int MAX = 4;

  private static final AtomicInteger SCANS = new AtomicInteger();

  private final ExecutorService pool;

  private ScanWorkers(int threads) {
    if (threads <= 1) {
      pool = null;
      return;
    }
    int scan = SCANS.incrementAndGet();
    AtomicInteger n = new AtomicInteger();
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "vfio-scan-" + scan + "-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** One thread per core, at most {@link #MAX}. */
  public static ScanWorkers forThisMachine() {
    return new ScanWorkers(Math.min(MAX, Runtime.getRuntime().availableProcessors()));
  }

  /** {@code threads} threads; 1 or fewer runs every task on the caller's thread. */
  public static ScanWorkers of(int threads) {
    return new ScanWorkers(threads);
  }

  /** Starts {@code task} (or runs it now, with no threads); {@link #join} gives its result. */
  public <T> Future<T> submit(Callable<T> task) {
    if (pool != null) {
      return pool.submit(task);
    }
    java.util.concurrent.FutureTask<T> now = new java.util.concurrent.FutureTask<>(task);
    now.run();
    return now;
  }

  /**
   * The result of a task, its exception rethrown as it was thrown (a {@link CancellationException}
   * stays one).
   */
  public static <T> T join(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("scan interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  /** {@code items} cut into runs of at most {@code size}, in order. */
  public static <T> List<List<T>> chunks(List<T> items, int size) {
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      out.add(items.subList(i, Math.min(items.size(), i + size)));
    }
    return out;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}

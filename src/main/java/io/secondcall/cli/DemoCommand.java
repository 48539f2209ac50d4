package io.secondcall.cli;

import io.secondcall.app.Application;
import io.secondcall.config.WebSettings;
import io.secondcall.demo.Demo;
import io.secondcall.web.WebServer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = "Run secondcall on an embedded mail server with sample outreach over a few simulated days.")
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--verbose", description = "Show the journal lines of each cycle too.")
  boolean verbose;

  @Option(names = "--web", description = "Then serve the pipeline page of the demo on 127.0.0.1 until Ctrl-C.")
  boolean web;

  @Spec CommandSpec spec;

  /** On the usual port, or on any free one when that is taken (a daemon may hold it). */
  private static WebServer startPage(Application app) {
    try {
      return app.startWeb(WebSettings.DEFAULTS).orElseThrow();
    } catch (UncheckedIOException e) {
      return app.startWeb(new WebSettings(WebSettings.DEFAULT_HOST, 0, null)).orElseThrow();
    }
  }

  @Override
  public Integer call() throws Exception {
    if (verbose) {
      Logging.daemon(true);
    } else {
      Logging.configure(false);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (!web) {
      new Demo(out).run();
      return ExitCodes.OK;
    }
    // Ctrl-C ends the wait; the hook then holds the JVM until the demo has deleted its state.
    CountDownLatch stopped = new CountDownLatch(1);
    CountDownLatch cleanedUp = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopped.countDown();
      try {
        cleanedUp.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "secondcall-demo-stop"));
    try {
      new Demo(out).run(app -> {
        try (WebServer page = startPage(app)) {
          out.println("The pipeline page of the demo: " + page.uri());
          out.println("(Stop and resume work on the demo's state; Ctrl-C ends the demo and deletes it.)");
          out.flush();
          stopped.await();
        }
      });
    } finally {
      cleanedUp.countDown();
    }
    return ExitCodes.OK;
  }
}

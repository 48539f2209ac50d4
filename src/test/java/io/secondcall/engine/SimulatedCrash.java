package io.secondcall.engine;

/**
 * The process dying at a write boundary, in a test. An {@link Error}, so that no guard in the
 * engine that catches exceptions (the calendar's backoff, a message skipped) can carry on as if
 * nothing happened: the cycle ends there, and only what was committed or written before remains.
 */
final class SimulatedCrash extends Error {

  SimulatedCrash(String where) {
    super("simulated crash " + where);
  }
}

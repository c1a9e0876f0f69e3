package io.wordvec.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StdinWatchTests {

  @Test
  void bytesOnTheInputAreIgnoredAndItsEndRunsTheAction() throws Exception {
    PipedOutputStream parent = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(parent);
    CountDownLatch closed = new CountDownLatch(1);
    Thread watch = StdinWatch.start(stdin, closed::countDown);

    parent.write("anything\n".getBytes());
    parent.flush();
    assertFalse(closed.await(200, TimeUnit.MILLISECONDS), "ended while the input was open");
    parent.close();

    assertTrue(closed.await(10, TimeUnit.SECONDS), "the end of the input was noticed");
    watch.join(10_000);
    assertFalse(watch.isAlive());
  }
}

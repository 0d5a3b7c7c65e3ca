package dev.musicmeta.sample;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Loads one SQLite file on a thread of its own, fed with chunks of rows through a short queue.
 * Generating rows and loading each of the two files then run side by side on the machine's
 * cores, while the queue's bound keeps memory flat.
 */
final class BackgroundWriter<T> {

    /** Where the rows go: opened, written and finished on the writer's thread. */
    interface Sink<T> extends AutoCloseable {

        void write(T row) throws Exception;

        /** Called once after the last row: flush, commit, build indexes. */
        void finish() throws Exception;
    }

    /** Opens the sink on the writer's thread; SQLite connections stay on the thread that uses them. */
    interface Opener<T> {
        Sink<T> open() throws Exception;
    }

    private final String name;
    private final List<T> end = List.of();
    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile Throwable failure;

    BackgroundWriter(String name, Opener<T> opener) {
        this.name = name;
        this.thread = new Thread(() -> run(opener), "write-" + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Hands over a chunk of rows; fails fast if the writer has failed. */
    void submit(List<T> rows) throws IOException, InterruptedException {
        checkFailure();
        while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
            checkFailure();
        }
    }

    /** Waits until every row is written and the sink is finished. */
    void finish() throws IOException, InterruptedException {
        submit(end);
        thread.join();
        checkFailure();
    }

    /** Stops the writer, dropping its work; the caller deletes the file. */
    void abort() throws InterruptedException {
        thread.interrupt();
        thread.join(10_000);
    }

    private void checkFailure() throws IOException {
        if (failure != null) {
            throw new IOException("writing " + name + " failed: " + failure.getMessage(), failure);
        }
    }

    private void run(Opener<T> opener) {
        try (Sink<T> sink = opener.open()) {
            for (List<T> rows = queue.take(); rows != end; rows = queue.take()) {
                for (T row : rows) {
                    sink.write(row);
                }
            }
            sink.finish();
        } catch (Throwable e) {
            failure = e;
        }
    }
}

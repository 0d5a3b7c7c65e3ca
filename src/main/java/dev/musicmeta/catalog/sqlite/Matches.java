package dev.musicmeta.catalog.sqlite;

import dev.musicmeta.catalog.SearchHits;
import dev.musicmeta.catalog.sqlite.FallbackSearch.FallbackHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The matches of a scan, or of the parts of one a thread scanned: the best {@code window} of them
 * in a heap, and how many there were. The order is total (the rowid breaks every tie), so the
 * best of the union of parts' bests is the best of the whole table: merged, parts give the
 * serial scan's page and total exactly.
 */
final class Matches {

    static final Comparator<FallbackHit> BEST_FIRST = (a, b) -> {
        if (a.rank() != b.rank()) {
            return Integer.compare(a.rank(), b.rank());
        }
        if (a.weight() != b.weight()) {
            return Long.compare(b.weight(), a.weight());
        }
        return Long.compare(a.rowid(), b.rowid());
    };

    private final int window;
    private final PriorityQueue<FallbackHit> best;
    private long total;

    Matches(int window) {
        this.window = window;
        this.best = new PriorityQueue<>(Math.min(window, 1024) + 1, BEST_FIRST.reversed());
    }

    void add(FallbackHit hit) {
        total++;
        if (best.size() < window) {
            best.add(hit);
        } else if (BEST_FIRST.compare(hit, best.peek()) < 0) {
            best.poll();
            best.add(hit);
        }
    }

    /** The page from {@code offset} of the best of all {@code parts}, and their total. */
    static SearchHits page(List<Matches> parts, int offset) {
        List<FallbackHit> sorted = new ArrayList<>();
        long total = 0;
        int window = 0;
        for (Matches part : parts) {
            sorted.addAll(part.best);
            total += part.total;
            window = part.window;
        }
        sorted.sort(BEST_FIRST);
        int to = Math.min(window, sorted.size());
        int from = Math.min(offset, to);
        long[] page = new long[to - from];
        for (int i = from; i < to; i++) {
            page[i - from] = sorted.get(i).rowid();
        }
        return new SearchHits(page, total);
    }
}

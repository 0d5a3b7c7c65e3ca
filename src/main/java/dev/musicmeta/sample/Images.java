package dev.musicmeta.sample;

import dev.musicmeta.sample.Rows.ImageRow;
import java.util.ArrayList;
import java.util.List;

/** Image rows as Spotify serves them: 640, 300 and 64 pixels wide, urls on i.scdn.co. */
final class Images {

    private static final int[] WIDTHS = {640, 300, 64};

    private Images() {}

    /**
     * Up to three images of entity {@code index}; now and then the same url on two rows, and now
     * and then not widest first, as in the real data.
     */
    static List<ImageRow> of(Ids ids, Rng rng, int count, String[] prefixes, long kind, long index) {
        List<ImageRow> images = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String url = "https://i.scdn.co/image/" + ids.hex40(prefixes[i], kind, index, i);
            images.add(new ImageRow(WIDTHS[i], WIDTHS[i], url));
        }
        if (count >= 2 && rng.chance(0.03)) {
            ImageRow second = images.get(1);
            images.set(1, new ImageRow(second.width(), second.height(), images.get(0).url()));
        }
        if (count >= 2 && rng.chance(0.1)) {
            images.add(images.remove(0));
        }
        return images;
    }
}

package dev.musicmeta.http;

import java.util.function.Supplier;

/** A {@link StaticAsset} prepared (read, tagged, compressed) on first use, once. */
final class LazyAsset {

    private final String contentType;
    private final Supplier<byte[]> bytes;
    private volatile StaticAsset asset;

    LazyAsset(String contentType, Supplier<byte[]> bytes) {
        this.contentType = contentType;
        this.bytes = bytes;
    }

    StaticAsset get() {
        StaticAsset a = asset;
        if (a == null) {
            synchronized (this) {
                a = asset;
                if (a == null) {
                    a = StaticAsset.of(contentType, bytes.get());
                    asset = a;
                }
            }
        }
        return a;
    }
}

package dev.musicmeta.http;

/**
 * A body served as is (docs page, Swagger UI files, openapi.yaml, problem pages), prepared once
 * ({@link LazyAsset}): its tag and its gzip copy are computed then, not per request.
 */
record StaticAsset(String contentType, byte[] bytes, byte[] gzipped, String etag) {

    /**
     * Only this server may be contacted from the docs: the page works offline and leaks nothing.
     * Swagger UI needs inline styles and data: images; everything else comes from 'self'.
     */
    static final String SAME_ORIGIN_ONLY =
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'";

    static StaticAsset of(String contentType, byte[] bytes) {
        ResponseBuffer gz = new ResponseBuffer(bytes.length / 3 + 64);
        Gzip.compress(bytes, bytes.length, gz);
        return new StaticAsset(contentType, bytes, gz.toByteArray(), ETags.of(bytes, bytes.length));
    }
}

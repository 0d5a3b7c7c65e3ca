package dev.musicmeta.catalog;

/** A cover or portrait image. Width and height are unknown ({@code null}) in some rows. */
public record Image(String url, Integer width, Integer height) {}

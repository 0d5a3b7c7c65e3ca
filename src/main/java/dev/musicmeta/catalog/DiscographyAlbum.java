package dev.musicmeta.catalog;

/** An album of an artist's discography, with the group it is listed under. */
public record DiscographyAlbum(Album album, AlbumGroup group) {}

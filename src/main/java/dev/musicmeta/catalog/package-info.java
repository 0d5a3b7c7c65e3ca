/**
 * What the service knows about music, apart from how it is stored: the records it serves
 * ({@link dev.musicmeta.catalog.Track}, {@link dev.musicmeta.catalog.Album},
 * {@link dev.musicmeta.catalog.Artist}, {@link dev.musicmeta.catalog.Image},
 * {@link dev.musicmeta.catalog.Page}), id and ISRC parsing, and the interfaces between the
 * layers:
 *
 * <ul>
 *   <li>{@link dev.musicmeta.catalog.Catalog}: the questions the HTTP layer asks.</li>
 *   <li>{@link dev.musicmeta.catalog.Searcher}: what a catalog searches with, a kind and a
 *       request in, rowids and a total out; the catalog turns the rowids into items.</li>
 *   <li>{@link dev.musicmeta.catalog.CatalogScan}: every item in rowid order, with the values a
 *       search index reads, as served, for the search index builder.</li>
 *   <li>{@link dev.musicmeta.catalog.Progress}: how a long job (generating a sample catalog,
 *       building the index) reports how far it got.</li>
 * </ul>
 *
 * <p>{@code catalog.sqlite} implements {@code Catalog} and {@code CatalogScan};
 * {@code search} implements {@code Searcher} and builds its index from a {@code CatalogScan}.
 * Neither knows the other; {@code cli} wires them. No SQL, no Lucene and no HTTP here.
 */
package dev.musicmeta.catalog;

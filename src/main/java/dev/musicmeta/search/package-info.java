/**
 * The Lucene search index: one index per {@link dev.musicmeta.catalog.SearchKind}, its
 * analyzer ({@code NameAnalyzer}, folding case, accents and width), its query language
 * ({@code QueryParser}, {@code QueryBuilder}), its ranking ({@code Ranking}, {@code TopHits})
 * and its builder.
 *
 * <p>{@link dev.musicmeta.search.SearchIndex} is a {@link dev.musicmeta.catalog.Searcher}: the
 * catalog asks it for the rowids of a page and turns them into items itself.
 * {@link dev.musicmeta.search.IndexBuilder} reads the catalog through a
 * {@link dev.musicmeta.catalog.CatalogScan}, so it indexes the items as the API serves them and
 * ranks by the values the answers show. This package knows nothing of SQLite.
 */
package dev.musicmeta.search;

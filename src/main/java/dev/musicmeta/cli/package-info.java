/**
 * The command line ({@code serve}, {@code generate}, {@code index}, on picocli) and the start-up
 * wiring, by plain constructors: {@code OpenCatalog} opens the SQLite catalog with the search
 * index beside it in one call, {@code SearchSetup} decides how search runs and says so in the
 * log, and {@code ServeCommand} hands the open catalog to the HTTP server.
 */
package dev.musicmeta.cli;

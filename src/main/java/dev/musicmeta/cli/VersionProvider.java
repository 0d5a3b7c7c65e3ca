package dev.musicmeta.cli;

import dev.musicmeta.http.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** The version, commit and build time the build recorded ({@link BuildInfo}). */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"music-metadata-api " + BuildInfo.current().describe()};
    }
}

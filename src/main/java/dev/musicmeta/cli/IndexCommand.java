package dev.musicmeta.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "index", mixinStandardHelpOptions = true, description = "Not built yet.")
final class IndexCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("index is not built yet");
    }
}

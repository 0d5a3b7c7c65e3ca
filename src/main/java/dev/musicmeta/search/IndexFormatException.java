package dev.musicmeta.search;

import java.io.IOException;

/** The index was written by a version of another index format, which this version cannot serve. */
public final class IndexFormatException extends IOException {

    IndexFormatException(String message) {
        super(message);
    }
}

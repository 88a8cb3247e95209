package org.nnplayground.server;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** An I/O failure as one line a person can act on: which file, and what was wrong with it. */
final class FileErrors {
    private FileErrors() {
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "cannot find " + ((NoSuchFileException) e).getFile() + " (no such file or folder)";
        }
        if (e instanceof AccessDeniedException) {
            return "no permission to use " + ((AccessDeniedException) e).getFile();
        }
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            return "cannot use " + f.getFile() + (f.getReason() != null ? ": " + f.getReason() : "");
        }
        return "cannot use the file: " + e.getMessage();
    }
}

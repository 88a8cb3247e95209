package org.nnplayground.io;

import java.util.Map;

/** The format name and version every model file starts with, checked before anything else is read. */
final class FileHeader {
    private FileHeader() {
    }

    static void check(Map<String, Object> file, String format, int version, String what) {
        Object actualFormat = file.get("format");
        if (!format.equals(actualFormat)) {
            if (CheckpointFile.FORMAT.equals(actualFormat) || StateDictFile.FORMAT.equals(actualFormat)) {
                throw new IllegalArgumentException("this is a " + actualFormat + " file, not a " + format + " file");
            }
            throw new IllegalArgumentException(what + " has format " + (actualFormat == null ? "(none)"
                    : "\"" + actualFormat + "\"") + ", expected \"" + format + "\"");
        }
        Object actualVersion = file.get("version");
        if (!(actualVersion instanceof Double) || (Double) actualVersion != version) {
            throw new IllegalArgumentException(what + " has version " + actualVersion + ", this program reads version "
                    + version);
        }
    }
}

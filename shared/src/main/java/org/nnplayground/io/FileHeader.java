package org.nnplayground.io;

import java.util.Map;
import org.nnplayground.text.CodedError;

/** The format name and version every model file starts with, checked before anything else is read. */
final class FileHeader {
    private FileHeader() {
    }

    static void check(Map<String, Object> file, String format, int version, String what) {
        Object actualFormat = file.get("format");
        if (!format.equals(actualFormat)) {
            if (CheckpointFile.FORMAT.equals(actualFormat) || StateDictFile.FORMAT.equals(actualFormat)) {
                throw new CodedError("file.otherKind", "this is a " + actualFormat + " file, not a " + format + " file",
                        "actual", actualFormat, "expected", format);
            }
            String actual = actualFormat == null ? "(none)" : "\"" + actualFormat + "\"";
            throw new CodedError("file.format", what + " has format " + actual + ", expected \"" + format + "\"",
                    "file", what, "actual", actual, "expected", format);
        }
        Object actualVersion = file.get("version");
        if (!(actualVersion instanceof Double) || (Double) actualVersion != version) {
            throw new CodedError("file.version", what + " has version " + actualVersion + ", this program reads version "
                    + version, "file", what, "actual", actualVersion, "expected", version);
        }
    }
}

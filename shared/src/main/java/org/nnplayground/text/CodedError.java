package org.nnplayground.text;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal with a stable code and its parameters beside the English message, so a page can say it in its reader's
 * language ({@code error.<code>} in its catalogues, with the parameters) while the server's JSON keeps the message.
 */
public final class CodedError extends IllegalArgumentException {
    private final String code;
    private final Map<String, Object> params;

    /** @param params alternating names and values: {@code "row", 3, "column", "y"} */
    public CodedError(String code, String message, Object... params) {
        super(message);
        this.code = code;
        this.params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < params.length; i += 2) {
            this.params.put(String.valueOf(params[i]), params[i + 1]);
        }
    }

    public String code() {
        return code;
    }

    public Map<String, Object> params() {
        return new LinkedHashMap<>(params);
    }
}

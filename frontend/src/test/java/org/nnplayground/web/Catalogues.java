package org.nnplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nnplayground.text.CodedError;

/** The pages' message catalogues as the tests read them, and the check that a coded error is said in both languages. */
final class Catalogues {
    private static final Pattern ENTRY = Pattern.compile("(?m)^  '([\\w.]+)': '((?:[^'\\\\]|\\\\.)*)',");

    private Catalogues() {
    }

    /** A language's catalogue: every one of its files (name.js and name-*.js), key by key. */
    static Map<String, String> catalogue(String name) throws IOException {
        Map<String, String> out = new HashMap<>();
        try (var files = Files.list(Path.of("src/main/webapp/app/messages"))) {
            for (Path file : files.filter((f) -> f.getFileName().toString().matches(Pattern.quote(name) + "(-[a-z]+)?\\.js")).toList()) {
                Matcher m = ENTRY.matcher(Files.readString(file));
                while (m.find()) {
                    out.put(m.group(1), m.group(2).replace("\\'", "'").replace("\\\\", "\\"));
                }
            }
        }
        return out;
    }

    static String fill(String template, Map<String, Object> params) {
        String out = template;
        for (Map.Entry<String, Object> p : params.entrySet()) {
            out = out.replace("{" + p.getKey() + "}", String.valueOf(p.getValue()));
        }
        return out;
    }

    /** Each error's English words, filled with its parameters, are the core's message; its Chinese says every parameter. */
    static void assertSaidInBoth(List<CodedError> errors) throws IOException {
        Map<String, String> en = catalogue("en");
        Map<String, String> zh = catalogue("zh-CN");
        for (CodedError error : errors) {
            String key = "error." + error.code();
            assertTrue(en.containsKey(key) && zh.containsKey(key), key + " in both catalogues");
            assertEquals(error.getMessage(), fill(en.get(key), error.params()), key);
            for (String name : error.params().keySet()) {
                assertTrue(zh.get(key).contains("{" + name + "}"), key + " says {" + name + "} in Chinese");
            }
        }
    }
}

package org.nnplayground.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build step after TeaVM's JavaScript build: Java's {@code double[]} becomes a packed JavaScript array of
 * doubles instead of a {@code Float64Array}.
 *
 * <p>Why: in Chromium every {@code new Float64Array(n)} above 8 elements costs 2–80 µs (1,000 elements: about
 * 40 µs, against 1 µs for a plain array and 3 µs in Node), and the autograd allocates a dozen such arrays per
 * training step, so the JavaScript engine spent most of its time allocating (measured in BENCHMARKS.md). A
 * packed array of doubles holds the same IEEE values unboxed, so every result stays bit for bit the same; the
 * parity tests compare the JavaScript engine with the JVM and WebAssembly on every build.
 *
 * <p>The two array constructors of TeaVM's runtime ({@code array.js}) are replaced, each where TeaVM kept it; the
 * build fails if neither is found or one is found twice (a TeaVM upgrade that changes them must be looked at, not
 * silently skipped). A file already patched is left alone, so an incremental build that skips TeaVM passes too.
 */
public final class PackedDoubleArrays {
    static final String MARKER = "$nn_packedZeros";

    /** {@code sz => new Cls(new Float64Array(sz))}, minified or not. */
    private static final Pattern CREATE =
            Pattern.compile("sz\\s*=>\\s*new\\s+([\\w$]+)\\(new Float64Array\\(sz\\)\\)");

    /** {@code data => { let buffer = new Float64Array(data.length); buffer.set(data); return new Cls(buffer); }}. */
    private static final Pattern FROM_DATA = Pattern.compile("data\\s*=>\\s*\\{\\s*let buffer\\s*=\\s*new Float64Array"
            + "\\(data\\.length\\);\\s*buffer\\.set\\(data\\);\\s*return new ([\\w$]+)\\(buffer\\);\\s*\\}");

    /**
     * Zeros as a packed array of doubles: sliced from a template (a copy, no per-element work) up to 65,536
     * values, pushed one by one beyond (rare, and cheap next to the work on such an array). Declarators of the
     * runtime's {@code let} chain, inserted before the constructor that uses them.
     */
    private static final String HELPERS = MARKER + "Template=[]," + MARKER + "=sz=>{"
            + "if(sz>65536){let a=[];for(let i=0;i<sz;i++)a.push(0.5);return a.fill(0);}"
            + "if(" + MARKER + "Template.length<sz){let t=[];for(let i=Math.max(sz,64,2*" + MARKER + "Template.length);"
            + "i>0;i--)t.push(0.5);" + MARKER + "Template=t.fill(0);}"
            + "return " + MARKER + "Template.slice(0,sz);},";

    private PackedDoubleArrays() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: PackedDoubleArrays <TeaVM JavaScript output>...");
        }
        for (String arg : args) {
            Path file = Path.of(arg);
            String script = Files.readString(file, StandardCharsets.UTF_8);
            if (!script.contains(MARKER)) {
                Files.writeString(file, patch(script), StandardCharsets.UTF_8);
            }
        }
    }

    /** The script with each of the two constructors it has replaced (TeaVM leaves out the ones a module never calls). */
    static String patch(String script) {
        Matcher fromData = atMostOnce(FROM_DATA, script, "the double[] literal constructor (data => new Float64Array...)");
        if (fromData != null) {
            script = script.substring(0, fromData.start()) + "data=>{let buffer=" + MARKER + "(data.length);"
                    + "for(let i=0;i<data.length;i++)buffer[i]=data[i];return new " + fromData.group(1) + "(buffer);}"
                    + script.substring(fromData.end());
        }
        Matcher create = atMostOnce(CREATE, script, "the double[] constructor (sz => new X(new Float64Array(sz)))");
        if (create != null) {
            script = script.substring(0, create.start()) + "sz=>new " + create.group(1) + "(" + MARKER + "(sz))"
                    + script.substring(create.end());
        }
        if (fromData == null && create == null) {
            throw new IllegalStateException("TeaVM's output has no double[] constructor (sz => new X(new Float64Array(sz))"
                    + " or data => ...): has TeaVM's runtime changed?");
        }
        // The helpers go into the runtime's let chain, before the first constructor that calls them.
        int first = script.indexOf(MARKER + "(");
        int arrow = script.lastIndexOf("=>", first);
        int declarator = declaratorStart(script, arrow);
        checkInLetChain(script, declarator);
        return script.substring(0, declarator) + HELPERS + script.substring(declarator);
    }

    private static Matcher atMostOnce(Pattern pattern, String script, String what) {
        Matcher m = pattern.matcher(script);
        if (!m.find()) {
            return null;
        }
        int start = m.start();
        if (m.find()) {
            throw new IllegalStateException("TeaVM's output has more than one " + what);
        }
        m.find(start);
        return m;
    }

    /** Where the declarator {@code name = sz => ...} begins: the identifier before the '=' before the arrow's parameter. */
    private static int declaratorStart(String script, int arrow) {
        int i = arrow - 1;
        while (i >= 0 && Character.isWhitespace(script.charAt(i))) {
            i--;
        }
        while (i >= 0 && Character.isLetterOrDigit(script.charAt(i))) {
            i--;
        }
        while (i >= 0 && Character.isWhitespace(script.charAt(i))) {
            i--;
        }
        if (i < 0 || script.charAt(i) != '=') {
            throw new IllegalStateException("TeaVM's double[] constructor is not a declarator 'name = sz => ...'");
        }
        i--;
        while (i >= 0 && Character.isWhitespace(script.charAt(i))) {
            i--;
        }
        while (i >= 0 && (Character.isLetterOrDigit(script.charAt(i)) || script.charAt(i) == '$' || script.charAt(i) == '_')) {
            i--;
        }
        return i + 1;
    }

    /** The inserted helpers are declarators, so the constructor must follow "let" or a ",". */
    private static void checkInLetChain(String script, int declarator) {
        int i = declarator - 1;
        while (i >= 0 && Character.isWhitespace(script.charAt(i))) {
            i--;
        }
        boolean afterComma = i >= 0 && script.charAt(i) == ',';
        boolean afterLet = i >= 2 && script.startsWith("let", i - 2);
        if (!afterComma && !afterLet) {
            throw new IllegalStateException("TeaVM's double[] constructor is not in a 'let' declaration");
        }
    }
}

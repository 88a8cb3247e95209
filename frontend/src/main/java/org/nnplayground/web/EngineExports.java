package org.nnplayground.web;

import org.teavm.jso.JSExport;

/** Entry points the browser calls; TeaVM compiles this class and everything it reaches. */
public final class EngineExports {
    private EngineExports() {
    }

    public static void main(String[] args) {
        // TeaVM needs a main class; the exports below are the real entry points.
    }

    @JSExport
    public static String version() {
        return "0.1.0";
    }
}

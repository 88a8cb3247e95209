package org.nnplayground.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The build step on the two shapes TeaVM 0.16 writes its runtime in: minified and readable. */
class PackedDoubleArraysTest {
    private static final String MINIFIED = "let a=1,BU=sz=>new MG(new Float64Array(sz)),JH=data=>{let buffer=new "
            + "Float64Array(data.length);buffer.set(data);return new MG(buffer);},Ix=new Float64Array(IS);";
    private static final String READABLE = "let $rt_createIntArray = sz => new $rt_intArrayCls(new Int32Array(sz)),\n"
            + "$rt_createDoubleArray = sz => new $rt_doubleArrayCls(new Float64Array(sz)),\n"
            + "$rt_createDoubleArrayFromData = data => {\n    let buffer = new Float64Array(data.length);\n"
            + "    buffer.set(data);\n    return new $rt_doubleArrayCls(buffer);\n},\n";

    @Test
    void replacesBothConstructorsOfTheMinifiedRuntime() {
        String patched = PackedDoubleArrays.patch(MINIFIED);
        assertTrue(patched.contains("BU=sz=>new MG($nn_packedZeros(sz))"), patched);
        assertTrue(patched.contains("JH=data=>{let buffer=$nn_packedZeros(data.length);"), patched);
        assertTrue(patched.contains("let a=1,$nn_packedZerosTemplate=[],$nn_packedZeros=sz=>"), patched);
        // The number-conversion buffer is not a Java array and stays typed.
        assertTrue(patched.endsWith("Ix=new Float64Array(IS);"), patched);
        assertEquals(1, patched.split("new Float64Array", -1).length - 1, patched);
    }

    @Test
    void replacesBothConstructorsOfTheReadableRuntime() {
        String patched = PackedDoubleArrays.patch(READABLE);
        assertTrue(patched.contains("$rt_createDoubleArray = sz=>new $rt_doubleArrayCls($nn_packedZeros(sz))"), patched);
        assertTrue(patched.contains(",\n$nn_packedZerosTemplate=[],"), patched);
        assertTrue(patched.contains("$rt_createDoubleArrayFromData = data=>{let buffer=$nn_packedZeros"), patched);
        assertTrue(patched.contains("new Int32Array(sz)"), "int[] stays typed");
        assertFalse(patched.contains("Float64Array"), patched);
    }

    @Test
    void aModuleWithoutArrayLiteralsHasOnlyTheConstructorPatched() {
        String patched = PackedDoubleArrays.patch("let a=1,BU=sz=>new MG(new Float64Array(sz)),b=2;");
        assertEquals("let a=1," + PackedDoubleArraysTest.helpers() + "BU=sz=>new MG($nn_packedZeros(sz)),b=2;", patched);
    }

    private static String helpers() {
        String patched = PackedDoubleArrays.patch("let BU=sz=>new MG(new Float64Array(sz));");
        return patched.substring("let ".length(), patched.indexOf("BU="));
    }

    @Test
    void refusesARuntimeItDoesNotRecognise() {
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> PackedDoubleArrays.patch("let BU=n=>new MG(new Float64Array(n));"));
        assertTrue(missing.getMessage().contains("has TeaVM's runtime changed?"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> PackedDoubleArrays.patch(MINIFIED + MINIFIED));
        assertThrows(IllegalStateException.class, () -> PackedDoubleArrays.patch(
                "const BU=sz=>new MG(new Float64Array(sz));let JH=data=>{let buffer=new Float64Array(data.length);"
                        + "buffer.set(data);return new MG(buffer);}"));
    }
}

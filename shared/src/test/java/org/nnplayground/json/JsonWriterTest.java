package org.nnplayground.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The writer's numbers: whole ones without ".0", fractions in the installed number text, negative zero kept. */
class JsonWriterTest {
    @AfterEach
    void javaNumberTextAgain() {
        JsonWriter.useNumberText(Double::toString);
    }

    @Test
    void numbersReadBackToTheSameBits() {
        double[] values = {10, -3, 0.1, 1e-7, 1.2345678912345e20, -0.0, 0.0, 4.9E-324, 1e15};
        List<?> read = (List<?>) Json.parse(JsonWriter.write(values));
        for (int i = 0; i < values.length; i++) {
            assertEquals(Double.doubleToRawLongBits(values[i]), Double.doubleToRawLongBits((Double) read.get(i)), "value " + i);
        }
        assertEquals("[10,-3,0.1,1.0E-7,1.2345678912345E20,-0.0,0,4.9E-324,1.0E15]", JsonWriter.write(values));
    }

    @Test
    void aPlatformsNumberTextWritesFractionsButNotWholeNumbersOrNegativeZero() {
        JsonWriter.useNumberText(value -> "<" + value + ">");
        assertEquals("[10,<0.5>,-0.0,0]", JsonWriter.write(new double[] {10, 0.5, -0.0, 0.0}),
                "a form like JavaScript's String(-0), \"0\", would lose the sign");
    }

    @Test
    void valuesWithoutAJsonFormAreWrittenAsNull() {
        List<Object> values = JsonWriter.finiteOrNull(new double[] {0.25, Double.NaN, Double.NEGATIVE_INFINITY, 3});
        assertEquals("[0.25,null,null,3]", JsonWriter.write(values));
        assertEquals("[{\"losses\":[0.25,null,null,3]}]", JsonWriter.write(List.of(java.util.Map.of("losses", values))));
        assertEquals(java.util.Arrays.asList(0.25, null, null, 3.0), values, "a list for other writers (the server's)");
    }
}

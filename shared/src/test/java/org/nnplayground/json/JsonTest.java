package org.nnplayground.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's JSON reader on numbers: every double round-trips; absurdly long numbers are refused, not parsed. */
class JsonTest {
    @Test
    void everyDoubleAsJavaOrPythonWritesItIsRead() {
        for (String number : new String[] {"0.1", "-0.30000000000000004", "1.7976931348623157e308", "4.9E-324", "123456789012345678",
            "-2.2250738585072014E-308"}) {
            assertEquals(Double.parseDouble(number), Json.parse("[" + number + "]") instanceof List<?> l ? l.get(0) : null);
        }
    }

    @Test
    void aNumberOfAbsurdLengthIsRefusedWithoutParsingIt() {
        String message = assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"lr\": 0." + "1".repeat(900_000) + "}"))
                .getMessage();
        assertTrue(message.contains("a number of 900002 characters; numbers are at most 100"), message);
        assertEquals(0.1, ((List<?>) Json.parse("[0.1" + "0".repeat(97) + "]")).get(0), "100 characters are still a number");
    }
}

package org.nnplayground.json;

/**
 * How {@link JsonWriter} writes a double that is not a whole number: any text that reads back to the same bits.
 * Java's {@code Double.toString} unless a platform installs its own (see {@link JsonWriter#useNumberText}).
 */
@FunctionalInterface
public interface NumberText {
    String of(double value);
}

package org.nnplayground.bench;

/**
 * Prints each workload's final full-data loss after training on the JVM core, to compare with the
 * browser implementations' and PyTorch's (they must agree to float32 rounding).
 * Run: {@code java -cp benchmarks/target/benchmarks.jar org.nnplayground.bench.FinalLosses}.
 */
public final class FinalLosses {
    private FinalLosses() {
    }

    public static void main(String[] args) {
        for (String name : Workload.all()) {
            System.out.printf("%-12s final loss %.6f%n", name, Workload.named(name).train());
        }
    }
}

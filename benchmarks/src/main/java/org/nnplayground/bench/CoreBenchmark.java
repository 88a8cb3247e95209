package org.nnplayground.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to train each workload of ../shared/bench from its initial weights, on the JVM core. W3 is the
 * whole four-optimizer race in one measurement, as the PyTorch figure it is compared with.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar} (see BENCHMARKS.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CoreBenchmark {
    @Param({"W1", "W2", "W3", "W4-h8", "W4-h32", "W4-h128"})
    public String workload;

    private Workload[] parts;

    @Setup(Level.Trial)
    public void prepare() {
        String[] names = workload.equals("W3") ? new String[] {"W3-sgd", "W3-momentum", "W3-rmsprop", "W3-adam"}
                : new String[] {workload};
        parts = new Workload[names.length];
        for (int i = 0; i < names.length; i++) {
            parts[i] = Workload.named(names[i]);
        }
    }

    @Benchmark
    public double train() {
        double sum = 0;
        for (Workload part : parts) {
            sum += part.train();
        }
        return sum;
    }
}

package org.nnplayground.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nnplayground.course.DescentTrace;
import org.nnplayground.course.ScalarDescent;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.random.Generator;
import org.nnplayground.text.CodedError;

/** Runs one of chapter 5's descents and answers its trace as JSON; an unknown variant is refused. */
final class DescentAnswer {
    private DescentAnswer() {
    }

    static String run(String variant, double w0, double lr, int epochs, int batchSize, int shuffleSeed) {
        if (epochs > 10_000) {
            throw new CodedError("descent.tooManyEpochs", "at most 10000 epochs, got " + epochs, "value", epochs);
        }
        ScalarDescent descent = ScalarDescent.course();
        Generator shuffle = shuffleSeed < 0 ? null : new Generator(shuffleSeed);
        DescentTrace trace;
        switch (variant) {
            case "batch":
                trace = descent.batch(w0, lr, epochs);
                break;
            case "course-batch":
                trace = descent.batchAsWrittenInCourse(w0, lr, epochs);
                break;
            case "stochastic":
                trace = descent.stochastic(w0, lr, epochs, shuffle);
                break;
            case "mini-batch":
                trace = descent.miniBatch(w0, lr, epochs, batchSize, shuffle);
                break;
            default:
                throw new IllegalArgumentException("unknown descent \"" + variant + "\"");
        }
        int n = trace.updates();
        double[] w = new double[n];
        double[] reported = new double[n];
        double[] cost = new double[n];
        int[] epoch = new int[n];
        int[] seen = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = trace.w(i);
            reported[i] = trace.reportedLoss(i);
            cost[i] = trace.trueCost(i);
            epoch[i] = trace.epoch(i);
            seen[i] = trace.examplesSeen(i);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("w", w);
        out.put("reportedLoss", reported);
        out.put("cost", cost);
        out.put("epoch", epoch);
        out.put("seen", seen);
        return JsonWriter.write(out);
    }
}

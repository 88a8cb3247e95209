package org.nnplayground.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.course.Net;
import org.nnplayground.json.JsonWriter;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.ReLU;
import org.nnplayground.nn.Sequential;
import org.nnplayground.nn.StateDict;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.Tensor;
import org.nnplayground.text.CodedError;

/**
 * Chapter 3: the course's custom Net and the same network as a Sequential. Answers both printouts
 * (exactly PyTorch's text), their parameter names and counts, and both networks' outputs after the
 * Sequential is given the Net's weights — equal, to the last bit.
 */
final class BuildingNetsAnswer {
    private BuildingNetsAnswer() {
    }

    static String run(int nFeature, int nHidden, int nOutput, int seed) {
        if (nFeature < 1 || nFeature > 64 || nHidden < 1 || nHidden > 256 || nOutput < 1 || nOutput > 64) {
            throw new CodedError("nets.sizes", "sizes must be 1-64 inputs, 1-256 hidden units and 1-64 outputs");
        }
        Net net = new Net(nFeature, nHidden, nOutput, new Generator(seed));
        Sequential sequential = new Sequential(new Linear(nFeature, nHidden, new Generator(seed + 1L)), new ReLU(),
                new Linear(nHidden, nOutput, new Generator(seed + 2L)));
        // Same weights, new names: hidden.* -> 0.*, predict.* -> 2.*
        StateDict renamed = new StateDict();
        List<String> keys = sequential.stateDict().keys();
        List<Tensor> values = net.parameters();
        for (int i = 0; i < keys.size(); i++) {
            renamed.put(keys.get(i), values.get(i));
        }
        sequential.loadStateDict(renamed);
        Tensor x = Tensor.randn(new Generator(seed + 3L), 5, nFeature);
        double[] a = net.forward(x).toArray();
        double[] b = sequential.forward(x).toArray();
        double maxDiff = 0;
        for (int i = 0; i < a.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("net", net.toString());
        out.put("sequential", sequential.toString());
        out.put("netKeys", net.stateDict().keys());
        out.put("sequentialKeys", sequential.stateDict().keys());
        out.put("parameters", net.parameterCount());
        out.put("inputs", x.toArray());
        out.put("netOutputs", a);
        out.put("sequentialOutputs", b);
        out.put("maxDifference", maxDiff);
        // The weight matrices both forms share (hidden / 0, then predict / 2): the page draws them as edges.
        out.put("weights", List.of(values.get(0).toArray(), values.get(2).toArray()));
        return JsonWriter.write(out);
    }
}

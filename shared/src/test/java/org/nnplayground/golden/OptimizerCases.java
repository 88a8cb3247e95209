package org.nnplayground.golden;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nnplayground.catalog.Optimizers;
import org.nnplayground.loss.CrossEntropyLoss;
import org.nnplayground.loss.Loss;
import org.nnplayground.loss.MSELoss;
import org.nnplayground.nn.ClipGrad;
import org.nnplayground.nn.Functional;
import org.nnplayground.nn.Linear;
import org.nnplayground.nn.Module;
import org.nnplayground.nn.StateDict;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.random.Generator;
import org.nnplayground.tensor.Tensor;

/** Replays one run of optimizers.json (or its float32 twin): ten full-batch steps from fixed weights. */
final class OptimizerCases {
    private OptimizerCases() {
    }

    /** The oracles' net: out = Linear2(relu(Linear1(x))), its layers named hidden and out. */
    private static final class OracleNet extends Module {
        private final Linear hidden;
        private final Linear out;

        OracleNet(int in, int hiddenSize, int outSize) {
            super("OracleNet");
            Generator unused = new Generator(0);
            hidden = registerModule("hidden", new Linear(in, hiddenSize, unused));
            out = registerModule("out", new Linear(hiddenSize, outSize, unused));
        }

        @Override
        public Tensor forward(Tensor x) {
            return out.forward(Functional.relu(hidden.forward(x)));
        }
    }

    @SuppressWarnings("unchecked")
    static void run(Map<String, Object> run, Map<String, Object> problem, Tolerance tolerance) {
        int in = (int) GoldenFiles.number(problem.get("in_features"));
        int hidden = (int) GoldenFiles.number(problem.get("hidden"));
        int out = (int) GoldenFiles.number(problem.get("out_features"));
        OracleNet net = new OracleNet(in, hidden, out);
        StateDict initial = new StateDict();
        Map<String, Object> params = (Map<String, Object>) problem.get("initial_params");
        for (Map.Entry<String, Object> p : params.entrySet()) {
            initial.put(p.getKey(), GoldenFiles.tensor(p.getValue()));
        }
        net.loadStateDict(initial);
        assertParamOrder((List<Object>) problem.get("param_order"), net);

        Tensor x = GoldenFiles.tensor(problem.get("input"));
        Tensor target = GoldenFiles.tensor(problem.get("target"));
        Loss criterion = "cross_entropy".equals(problem.get("loss")) ? new CrossEntropyLoss() : new MSELoss();
        Optimizer optimizer = Optimizers.create((String) run.get("optimizer"), net.parameters(),
                (Map<String, Object>) run.get("hyperparameters_given"));

        Map<String, Tensor> named = net.namedParameters();
        for (Object stepJson : (List<Object>) run.get("trajectory")) {
            Map<String, Object> step = (Map<String, Object>) stepJson;
            String at = "step " + (int) GoldenFiles.number(step.get("step")) + " ";
            optimizer.zeroGrad();
            Tensor loss = criterion.forward(net.forward(x), target);
            tolerance.check(at + "loss", GoldenFiles.number(step.get("loss")), loss.item());
            loss.backward();
            if (run.containsKey("clip_grad_value")) {
                ClipGrad.clipGradValue(net.parameters(), GoldenFiles.number(run.get("clip_grad_value")));
            }
            if (run.containsKey("clip_grad_norm")) {
                ClipGrad.clipGradNorm(net.parameters(), GoldenFiles.number(run.get("clip_grad_norm")));
            }
            for (Map.Entry<String, Object> g : ((Map<String, Object>) step.get("grads")).entrySet()) {
                tolerance.check(at + "grad " + g.getKey(), GoldenFiles.tensor(g.getValue()), named.get(g.getKey()).grad());
            }
            optimizer.step();
            for (Map.Entry<String, Object> p : ((Map<String, Object>) step.get("params_after")).entrySet()) {
                tolerance.check(at + "param " + p.getKey(), GoldenFiles.tensor(p.getValue()), named.get(p.getKey()));
            }
        }
        Tensor finalLoss = criterion.forward(net.forward(x), target);
        tolerance.check("final loss", GoldenFiles.number(run.get("final_loss")), finalLoss.item());
    }

    private static void assertParamOrder(List<Object> expected, Module net) {
        List<String> actual = new java.util.ArrayList<>(net.namedParameters().keySet());
        if (!actual.equals(expected)) {
            throw new AssertionError("parameter order " + actual + " differs from PyTorch's " + expected);
        }
    }
}

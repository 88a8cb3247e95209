package org.nnplayground.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.nnplayground.nn.BatchNorm1d;
import org.nnplayground.nn.Dropout;
import org.nnplayground.nn.StateDict;
import org.nnplayground.tensor.Tensor;

/**
 * Runs one case of layers.json: a BatchNorm1d over several training batches (outputs, gradients, the running
 * statistics and num_batches_tracked after them) and then in evaluation mode; or a dropout with the mask torch drew.
 */
final class LayerCases {
    private static final Tolerance FLOAT64 = SingleOpCases.FLOAT64;

    private LayerCases() {
    }

    @SuppressWarnings("unchecked")
    static void run(Map<String, Object> c) {
        Map<String, Object> params = (Map<String, Object>) c.get("params");
        if (c.get("layer").equals("dropout")) {
            double p = GoldenFiles.number(params.get("p"));
            Tensor x = GoldenFiles.tensor(c.get("input")).requiresGrad(true);
            Tensor y = Dropout.masked(x, GoldenFiles.tensor(c.get("mask")).toArray(), p);
            FLOAT64.check("output", GoldenFiles.tensor(c.get("output")), y);
            y.mul(GoldenFiles.tensor(c.get("grad_output"))).sum().backward();
            FLOAT64.check("grad_input", GoldenFiles.tensor(c.get("grad_input")), x.grad());
            return;
        }
        boolean affine = (Boolean) params.get("affine");
        Object momentum = params.get("momentum");
        BatchNorm1d norm = new BatchNorm1d((int) GoldenFiles.number(params.get("num_features")),
                GoldenFiles.number(params.get("eps")), momentum == null ? Double.NaN : GoldenFiles.number(momentum), affine);
        StateDict start = new StateDict();
        if (affine) {
            start.put("weight", GoldenFiles.tensor(params.get("weight")));
            start.put("bias", GoldenFiles.tensor(params.get("bias")));
        }
        start.put("running_mean", GoldenFiles.tensor(params.get("running_mean")));
        start.put("running_var", GoldenFiles.tensor(params.get("running_var")));
        start.putInteger("num_batches_tracked", Tensor.scalar(GoldenFiles.number(params.get("num_batches_tracked"))));
        norm.loadStateDict(start);
        List<Object> inputs = (List<Object>) c.get("inputs");
        List<Object> grads = (List<Object>) c.get("grad_outputs");
        List<Object> calls = (List<Object>) c.get("calls");
        for (int i = 0; i < inputs.size(); i++) {
            Map<String, Object> expected = (Map<String, Object>) calls.get(i);
            norm.zeroGrad();
            Tensor x = GoldenFiles.tensor(inputs.get(i)).requiresGrad(true);
            Tensor y = norm.forward(x);
            FLOAT64.check("call " + i + " output", GoldenFiles.tensor(expected.get("output")), y);
            y.mul(GoldenFiles.tensor(grads.get(i))).sum().backward();
            FLOAT64.check("call " + i + " grad_input", GoldenFiles.tensor(expected.get("grad_input")), x.grad());
            if (affine) {
                StateDict parameters = norm.stateDict();
                FLOAT64.check("call " + i + " grad_weight", GoldenFiles.tensor(expected.get("grad_weight")),
                        norm.parameters().get(0).grad());
                FLOAT64.check("call " + i + " grad_bias", GoldenFiles.tensor(expected.get("grad_bias")),
                        norm.parameters().get(1).grad());
                assertEquals(List.of("weight", "bias", "running_mean", "running_var", "num_batches_tracked"), parameters.keys());
            }
        }
        Map<String, Object> state = (Map<String, Object>) c.get("state_after");
        FLOAT64.check("running_mean", GoldenFiles.tensor(state.get("running_mean")), norm.runningMean());
        FLOAT64.check("running_var", GoldenFiles.tensor(state.get("running_var")), norm.runningVar());
        assertEquals((long) GoldenFiles.number(state.get("num_batches_tracked")), norm.numBatchesTracked(), "num_batches_tracked");
        norm.eval();
        Tensor x = GoldenFiles.tensor(c.get("eval_input")).requiresGrad(true);
        Tensor y = norm.forward(x);
        FLOAT64.check("eval output", GoldenFiles.tensor(c.get("eval_output")), y);
        y.mul(GoldenFiles.tensor(c.get("eval_grad_output"))).sum().backward();
        FLOAT64.check("eval grad_input", GoldenFiles.tensor(c.get("eval_grad_input")), x.grad());
        assertEquals(inputs.size() + (long) GoldenFiles.number(params.get("num_batches_tracked")), norm.numBatchesTracked(),
                "evaluation does not count batches");
    }
}

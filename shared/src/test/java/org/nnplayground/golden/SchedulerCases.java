package org.nnplayground.golden;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nnplayground.catalog.Optimizers;
import org.nnplayground.catalog.Schedulers;
import org.nnplayground.optim.Optimizer;
import org.nnplayground.tensor.Tensor;

/** Runs one case of schedulers.json: the rates (and cycled momenta) a scheduler sets, step by step. */
final class SchedulerCases {
    private static final Tolerance FLOAT64 = new Tolerance(1e-15, 1e-13);

    private SchedulerCases() {
    }

    @SuppressWarnings("unchecked")
    static void run(Map<String, Object> c) {
        Optimizer optimizer = Optimizers.create((String) c.get("optimizer"), List.of(Tensor.zeros(2).requiresGrad(true)),
                (Map<String, Object>) c.get("optimizer_kwargs"));
        Schedulers.Type type = Schedulers.get((String) c.get("scheduler"), "scheduler");
        Schedulers.Schedule schedule = type.build(optimizer,
                type.read((Map<String, Object>) c.get("kwargs"), Set.of(), (String) c.get("scheduler")));
        List<Object> lrs = (List<Object>) c.get("lrs");
        List<Object> momenta = (List<Object>) c.get("momenta");
        List<Object> metrics = (List<Object>) c.get("metrics");
        for (int k = 0; k < lrs.size(); k++) {
            if (k > 0) {
                schedule.step(metrics == null ? Double.NaN : GoldenFiles.number(metrics.get(k - 1)));
            }
            FLOAT64.check("lr after " + k + " steps", GoldenFiles.number(lrs.get(k)), optimizer.lr());
            if (momenta.get(k) != null) {
                Map<String, Double> hyper = optimizer.hyperparameters();
                double momentum = hyper.containsKey("beta1") ? hyper.get("beta1") : hyper.get("momentum");
                FLOAT64.check("momentum after " + k + " steps", GoldenFiles.number(momenta.get(k)), momentum);
            }
        }
    }
}

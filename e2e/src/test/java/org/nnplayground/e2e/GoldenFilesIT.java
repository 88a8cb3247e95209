package org.nnplayground.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** The PyTorch oracles the core's tests read are what real PyTorch computes today: the regeneration script agrees. */
class GoldenFilesIT {
    private static final Path SCRIPT = Paths.get("../shared/src/test/python/regenerate_golden.py").toAbsolutePath();

    @Test
    void everyOracleFileIsWhatPytorchComputesFromItsInputs() throws Exception {
        TorchOracle.require();
        String output = TorchOracle.run(SCRIPT.getParent(), SCRIPT.toString(), "--check");
        for (String file : new String[] {"linear", "activations", "layers", "losses", "optimizers", "optimizers_float32",
                "torch-defaults", "seed-outcomes"}) {
            assertTrue(output.contains(file + ".json: same"), output);
        }
    }
}

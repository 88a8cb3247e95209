package org.nnplayground.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * Every case and run of every oracle file in the golden folder, one dynamic test each, checked with the
 * tolerances of the golden README. Files are discovered, not listed: a file this test cannot read or
 * does not recognise fails it. Prints {@code golden: <N> cases, <F> failed} at the end.
 */
class GoldenOracleTest {
    /** Files read by other tests (outcomes, defaults), not case files. */
    private static final List<String> NOT_CASE_FILES = List.of("seed-outcomes.json", "torch-defaults.json");
    private static int cases;
    private static int failed;

    @TestFactory
    List<DynamicTest> everyGoldenCasePassesWithinTolerance() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> files = GoldenFiles.jsonFiles();
        assertFalse(files.isEmpty(), "no golden files in " + GoldenFiles.dir());
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (NOT_CASE_FILES.contains(name)) {
                continue;
            }
            tests.addAll(casesOf(name, GoldenFiles.read(file)));
        }
        return tests;
    }

    @SuppressWarnings("unchecked")
    private static List<DynamicTest> casesOf(String file, Map<String, Object> json) {
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, Object> meta = (Map<String, Object>) json.get("meta");
        if (meta == null) {
            throw new AssertionError(file + " has no meta object; cannot tell what it checks");
        }
        boolean float32 = "float32".equals(meta.get("dtype"));
        if (json.containsKey("runs")) {
            Map<String, Map<String, Object>> problems = new HashMap<>();
            for (Object p : (List<Object>) json.get("problems")) {
                Map<String, Object> problem = (Map<String, Object>) p;
                problems.put((String) problem.get("name"), problem);
            }
            Tolerance tolerance = float32 ? new Tolerance(1e-5, 1e-4) : new Tolerance(1e-10, 1e-9);
            for (Object r : (List<Object>) json.get("runs")) {
                Map<String, Object> run = (Map<String, Object>) r;
                Map<String, Object> problem = problems.get(run.get("problem"));
                tests.add(counted(file, (String) run.get("name"), () -> OptimizerCases.run(run, problem, tolerance)));
            }
            return tests;
        }
        if (!json.containsKey("cases") || float32) {
            throw new AssertionError(file + " is not a case file this test understands");
        }
        for (Object c : (List<Object>) json.get("cases")) {
            Map<String, Object> kase = (Map<String, Object>) c;
            Executable check;
            if (kase.containsKey("layer")) {
                check = () -> LayerCases.run(kase);
            } else if (kase.containsKey("scheduler")) {
                check = () -> SchedulerCases.run(kase);
            } else if (kase.containsKey("loss_fn")) {
                check = () -> SingleOpCases.loss(kase);
            } else if (kase.containsKey("function")) {
                check = () -> SingleOpCases.activation(kase);
            } else if (kase.containsKey("weight")) {
                check = () -> SingleOpCases.linear(kase);
            } else {
                throw new AssertionError(file + ": case " + kase.get("name") + " is of an unknown kind");
            }
            tests.add(counted(file, (String) kase.get("name"), check));
        }
        return tests;
    }

    private static DynamicTest counted(String file, String name, Executable check) {
        cases++;
        return DynamicTest.dynamicTest(file + ": " + name, () -> {
            try {
                check.execute();
            } catch (Throwable t) {
                failed++;
                throw t;
            }
        });
    }

    @AfterAll
    static void printSummary() {
        System.out.println("golden: " + cases + " cases, " + failed + " failed");
        assertEquals(0, failed, "golden cases failed");
    }
}

package org.nnplayground.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnplayground.random.Generator;

/** Chapter 5's three descents on y = w·x reproduce the course's float64 trajectories exactly. */
class ScalarDescentTest {
    private static final double TOLERANCE = 1e-12;

    @SuppressWarnings("unchecked")
    private static double[] expectedW(String variant) throws IOException {
        Map<String, Object> demo = (Map<String, Object>) Outcomes.load().section("d_gradient_descent_demos").get(variant);
        return Outcomes.numbers(demo.get("w_trajectory"));
    }

    private static void assertTrajectory(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], TOLERANCE, "w after epoch " + (i + 1));
        }
    }

    @Test
    void batchDescentMatchesTheCourseAndConvergesToTwo() throws IOException {
        DescentTrace trace = ScalarDescent.course().batch(1.0, 0.1, 100);
        assertTrajectory(expectedW("BGD_lr0.1_correct"), trace.wPerEpoch());
        assertEquals(4.666666666666667, trace.reportedLoss(0), TOLERANCE);
        assertEquals(2.0, trace.finalW(), TOLERANCE);
    }

    @Test
    void theCoursesReturnInsideTheLoopSlowsBatchDescentDown() throws IOException {
        DescentTrace asWritten = ScalarDescent.course().batchAsWrittenInCourse(1.0, 0.1, 100);
        assertTrajectory(expectedW("BGD_lr0.1_seed_bug_return_in_loop"), asWritten.wPerEpoch());
        DescentTrace correct = ScalarDescent.course().batch(1.0, 0.1, 100);
        // After 10 epochs the correct version has converged; the slip is still far from w = 2.
        assertTrue(Math.abs(correct.wPerEpoch()[9] - 2) < 1e-9);
        assertTrue(Math.abs(asWritten.wPerEpoch()[9] - 2) > 0.4);
        assertEquals(4.7463756299511236e-06, asWritten.finalCost(), 1e-15);
    }

    @Test
    void stochasticDescentInOrderMatchesTheCourse() throws IOException {
        DescentTrace trace = ScalarDescent.course().stochastic(1.0, 0.01, 100, null);
        assertEquals(300, trace.updates());
        assertTrajectory(expectedW("SGD_per_sample_lr0.01_in_order"), trace.wPerEpoch());
    }

    @Test
    void miniBatchDescentInOrderMatchesTheCourse() throws IOException {
        DescentTrace trace = ScalarDescent.course().miniBatch(1.0, 0.01, 100, 2, null);
        assertEquals(200, trace.updates());
        assertTrajectory(expectedW("minibatch_bs2_lr0.01_in_order"), trace.wPerEpoch());
        assertEquals(3, trace.examplesSeen(1));
    }

    @Test
    void shuffledDescentsReachTwoOnEverySeed() {
        for (int seed = 0; seed < 10; seed++) {
            assertEquals(2.0, ScalarDescent.course().stochastic(1.0, 0.01, 100, new Generator(seed)).finalW(), 1e-12);
            assertEquals(2.0, ScalarDescent.course().miniBatch(1.0, 0.01, 100, 2, new Generator(seed)).finalW(), 1e-8);
        }
    }

    @Test
    void badSettingsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ScalarDescent.course().batch(1.0, -0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> ScalarDescent.course().batch(1.0, Double.NaN, 10));
        assertThrows(IllegalArgumentException.class, () -> ScalarDescent.course().miniBatch(1.0, 0.1, 10, 0, null));
        assertThrows(IllegalArgumentException.class, () -> new ScalarDescent(new double[] {1}, new double[] {1, 2}));
    }
}

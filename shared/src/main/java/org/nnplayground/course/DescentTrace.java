package org.nnplayground.course;

/**
 * What one run of scalar gradient descent did, one entry per update: the epoch it belongs to, how many
 * examples had been seen, w after the update, the loss the course prints for that update, and the true
 * cost over all points after it.
 */
public final class DescentTrace {
    private final int[] epoch;
    private final int[] examplesSeen;
    private final double[] w;
    private final double[] reportedLoss;
    private final double[] trueCost;
    private int count;

    DescentTrace(int updates) {
        epoch = new int[updates];
        examplesSeen = new int[updates];
        w = new double[updates];
        reportedLoss = new double[updates];
        trueCost = new double[updates];
    }

    void record(int epochIndex, int seen, double weight, double reported, double cost) {
        epoch[count] = epochIndex;
        examplesSeen[count] = seen;
        w[count] = weight;
        reportedLoss[count] = reported;
        trueCost[count] = cost;
        count++;
    }

    public int updates() {
        return count;
    }

    public int epoch(int update) {
        return epoch[update];
    }

    public int examplesSeen(int update) {
        return examplesSeen[update];
    }

    public double w(int update) {
        return w[update];
    }

    public double reportedLoss(int update) {
        return reportedLoss[update];
    }

    public double trueCost(int update) {
        return trueCost[update];
    }

    public double finalW() {
        return w[count - 1];
    }

    public double finalCost() {
        return trueCost[count - 1];
    }

    /** w at the end of each epoch (after its last update). */
    public double[] wPerEpoch() {
        int epochs = epoch[count - 1] + 1;
        double[] result = new double[epochs];
        for (int i = 0; i < count; i++) {
            result[epoch[i]] = w[i];
        }
        return result;
    }
}

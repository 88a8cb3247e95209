package org.nnplayground.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The CSV files OwnDataIT uploads, made from seeded random numbers. */
final class SampleCsv {
    private SampleCsv() {
    }

    /** Three Gaussian blobs with named labels, in a shuffled order. */
    static String threeBlobs() {
        Random random = new Random(5);
        String[] names = {"setosa", "versicolor", "virginica"};
        double[][] centres = {{-2, 0}, {2, 0}, {0, 2.5}};
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            int k = i % 3;
            rows.add(String.format("%.4f,%.4f,%s", centres[k][0] + 0.6 * random.nextGaussian(),
                    centres[k][1] + 0.6 * random.nextGaussian(), names[k]));
        }
        java.util.Collections.shuffle(rows, random);
        return "petal_x,petal_y,species\n" + String.join("\n", rows) + "\n";
    }

    /** A sine wave of 800 points: more than a link carries. */
    static String sineWave() {
        StringBuilder csv = new StringBuilder("t,signal\n");
        for (int i = 0; i < 800; i++) {
            double t = -3 + 6.0 * i / 799;
            csv.append(String.format("%.5f,%.5f%n", t, Math.sin(t) + 0.05 * Math.cos(37 * t)));
        }
        return csv.toString();
    }

    /** 150 rows of a, b, c and two targets: sum = a·b + c, wave = sin(3a) − c. */
    static String threeInputsTwoTargets() {
        StringBuilder csv = new StringBuilder("a,b,c,sum,wave\n");
        Random random = new Random(8);
        for (int i = 0; i < 150; i++) {
            double a = random.nextDouble() * 2 - 1;
            double b = random.nextDouble() * 2 - 1;
            double c = random.nextDouble() * 2 - 1;
            csv.append(String.format("%.4f,%.4f,%.4f,%.4f,%.4f%n", a, b, c, a * b + c, Math.sin(3 * a) - c));
        }
        return csv.toString();
    }

    /** 150 rows of four inputs and a class, low, mid or high, that the first and third inputs tell apart. */
    static String fourInputsThreeClasses() {
        StringBuilder csv = new StringBuilder("u,v,w,z,kind\n");
        Random random = new Random(9);
        for (int i = 0; i < 150; i++) {
            int k = i % 3;
            csv.append(String.format("%.4f,%.4f,%.4f,%.4f,%s%n", k + 0.4 * random.nextGaussian(), random.nextGaussian(),
                    -k + 0.4 * random.nextGaussian(), random.nextGaussian(), new String[] {"low", "mid", "high"}[k]));
        }
        return csv.toString();
    }
}

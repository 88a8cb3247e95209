package org.nnplayground.e2e.reliability;

import java.util.ArrayList;
import java.util.List;

/** Requests a careless or hostile client sends: broken and mistyped JSON, absurd numbers, wrong types and paths. */
final class BadRequests {
    /** One request: method, path, content type (null: none), body (null: none). */
    record Request(String what, String method, String path, String contentType, String body) {
    }

    static final String CONFIG = "{\"dataset\":{\"name\":\"parabola\",\"n\":100,\"noise\":0.2,\"seed\":1},"
            + "\"layers\":[{\"units\":10,\"activation\":\"ReLU\"}],\"loss\":\"MSELoss\",\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.2}],"
            + "\"batchSize\":0,\"steps\":20,\"initSeed\":1,\"shuffleSeed\":1}";
    static final String CHECKPOINT = "{\"format\":\"nn-playground/checkpoint\",\"version\":1,\"architecture\":{\"type\":\"Net\","
            + "\"n_feature\":1,\"n_hidden\":2,\"n_output\":1},\"state_dict\":{\"hidden.weight\":{\"shape\":[2,1],\"data\":[0.1,0.2]},"
            + "\"hidden.bias\":{\"shape\":[2],\"data\":[0.1,0.2]},\"predict.weight\":{\"shape\":[1,2],\"data\":[0.1,0.2]},"
            + "\"predict.bias\":{\"shape\":[1],\"data\":[0.1]}}}";

    private BadRequests() {
    }

    private static String config(String from, String to) {
        if (!CONFIG.contains(from)) {
            throw new IllegalArgumentException(from);
        }
        return CONFIG.replace(from, to);
    }

    static List<Request> all() {
        List<Request> all = new ArrayList<>();
        String json = "application/json";
        String[][] bodies = {
            {"empty body", ""}, {"half an object", "{"}, {"an array", "[]"}, {"null", "null"}, {"a number", "1"},
            {"a string", "\"train\""}, {"an empty object", "{}"}, {"trailing garbage", CONFIG + "xyz"},
            {"lr true", config("\"lr\":0.2", "\"lr\":true")}, {"lr as text", config("\"lr\":0.2", "\"lr\":\"0.2\"")},
            {"lr null", config("\"lr\":0.2", "\"lr\":null")}, {"lr negative", config("\"lr\":0.2", "\"lr\":-1")},
            {"lr 1e400", config("\"lr\":0.2", "\"lr\":1e400")},
            {"lr with 900,000 digits", config("\"lr\":0.2", "\"lr\":0." + "1".repeat(900_000))},
            {"momentum true", config("\"lr\":0.2", "\"lr\":0.2,\"momentum\":true")},
            {"weight_decay text", config("\"lr\":0.2", "\"lr\":0.2,\"weight_decay\":\"x\"")},
            {"steps 2.5", config("\"steps\":20", "\"steps\":2.5")}, {"steps -1", config("\"steps\":20", "\"steps\":-1")},
            {"steps 1e12", config("\"steps\":20", "\"steps\":1e12")},
            {"steps past an int", config("\"steps\":20", "\"steps\":99999999999")},
            {"n 10^9", config("\"n\":100", "\"n\":1000000000")}, {"n 0", config("\"n\":100", "\"n\":0")},
            {"units 0", config("\"units\":10", "\"units\":0")}, {"units 10^12", config("\"units\":10", "\"units\":1000000000000")},
            {"an unknown activation", config("\"ReLU\"", "\"Evil\"")}, {"an unknown loss", config("\"MSELoss\"", "\"NoLoss\"")},
            {"an unknown optimizer", config("\"SGD\"", "\"Magic\"")}, {"an unknown dataset", config("\"parabola\"", "\"secrets\"")},
            {"an unknown key", config("\"steps\":20", "\"steps\":20,\"evil\":1")},
            {"an empty test split", config("\"n\":100", "\"n\":2").replace("\"steps\":20", "\"steps\":20,\"testFraction\":0.1")},
            {"batch size -1", config("\"batchSize\":0", "\"batchSize\":-1")}, {"seed as text", config("\"initSeed\":1", "\"initSeed\":\"x\"")},
            {"no optimizers", config("[{\"name\":\"SGD\",\"lr\":0.2}]", "[]")},
            {"a thousand optimizers", config("[{\"name\":\"SGD\",\"lr\":0.2}]", "[" + "{\"name\":\"SGD\",\"lr\":0.2},".repeat(999)
                    + "{\"name\":\"SGD\",\"lr\":0.2}]")},
            {"layers 100,000 deep in arrays", "[".repeat(100_000)}, {"objects 100,000 deep", "{\"a\":".repeat(100_000)},
            {"a lone surrogate", config("\"ReLU\"", "\"\\ud800\"")}, {"a NUL in a name", config("\"ReLU\"", "\"Re\\u0000LU\"")},
        };
        for (String path : new String[] {"/api/train", "/api/jobs"}) {
            for (String[] body : bodies) {
                all.add(new Request(body[0] + " to " + path, "POST", path, json, body[1]));
            }
            all.add(new Request("text/plain to " + path, "POST", path, "text/plain", CONFIG));
            all.add(new Request("a form to " + path, "POST", path, "application/x-www-form-urlencoded", "a=1"));
            all.add(new Request("no content type to " + path, "POST", path, null, CONFIG));
            all.add(new Request("2 MB to " + path, "POST", path, json, "{\"x\":\"" + "a".repeat(2_000_000) + "\"}"));
        }
        String[][] models = {
            {"no checkpoint", "{\"name\":\"x\"}"}, {"no name", "{\"checkpoint\":" + CHECKPOINT + "}"},
            {"a name of 10,000 characters", "{\"name\":\"" + "n".repeat(10_000) + "\",\"checkpoint\":" + CHECKPOINT + "}"},
            {"a name with a control character", "{\"name\":\"a\\u0007b\",\"checkpoint\":" + CHECKPOINT + "}"},
            {"a checkpoint of another format", "{\"name\":\"x\",\"checkpoint\":{\"format\":\"pickle\"}}"},
            {"a checkpoint of version 99", "{\"name\":\"x\",\"checkpoint\":" + CHECKPOINT.replace("\"version\":1", "\"version\":99") + "}"},
            {"a Linear of 2 billion weights", "{\"name\":\"x\",\"checkpoint\":{\"format\":\"nn-playground/checkpoint\",\"version\":1,"
                    + "\"architecture\":{\"type\":\"Linear\",\"in_features\":1048576,\"out_features\":2047,\"bias\":true},\"state_dict\":{}}}"},
            {"a Linear of 3 billion weights in a Sequential", "{\"name\":\"x\",\"checkpoint\":{\"format\":\"nn-playground/checkpoint\","
                    + "\"version\":1,\"architecture\":{\"type\":\"Sequential\",\"layers\":[{\"type\":\"Linear\",\"in_features\":65536,"
                    + "\"out_features\":49152,\"bias\":true}]},\"state_dict\":{}}}"},
            {"weights of the wrong shape", "{\"name\":\"x\",\"checkpoint\":" + CHECKPOINT.replace("\"shape\":[2,1]", "\"shape\":[3,1]") + "}"},
            {"a weight of text", "{\"name\":\"x\",\"checkpoint\":" + CHECKPOINT.replace("[0.1,0.2]", "[\"a\",\"b\"]") + "}"},
            {"a missing weight", "{\"name\":\"x\",\"checkpoint\":" + CHECKPOINT.replace("\"predict.bias\":{\"shape\":[1],\"data\":[0.1]}",
                    "\"extra\":{\"shape\":[1],\"data\":[0.1]}") + "}"},
            {"an architecture nested 50,000 deep", "{\"name\":\"x\",\"checkpoint\":{\"format\":\"nn-playground/checkpoint\",\"version\":1,"
                    + "\"architecture\":" + "{\"type\":\"Sequential\",\"layers\":[".repeat(50_000) + "]}".repeat(50_000) + ",\"state_dict\":{}}}"},
        };
        for (String[] body : models) {
            all.add(new Request("a model with " + body[0], "POST", "/api/models", json, body[1]));
        }
        String[] paths = {"/api/models/..%2f..%2fetc%2fpasswd", "/api/models/%00", "/api/models/' OR 1=1 --", "/api/datasets/%2e%2e",
            "/api/jobs/nope", "/api/jobs/nope/events", "/api/models/nope/state-dict?format=onnx", "/api/nothing-here",
            "/api/models?scope=all", "/api/models?scope=%00"};
        for (String path : paths) {
            all.add(new Request("GET " + path, "GET", path.replace(" ", "%20").replace("'", "%27"), null, null));
        }
        all.add(new Request("DELETE a model that does not exist", "DELETE", "/api/models/nope", null, null));
        all.add(new Request("DELETE a job that does not exist", "DELETE", "/api/jobs/nope", null, null));
        all.add(new Request("PUT weights to a model that does not exist", "PUT", "/api/models/nope/state-dict", "application/octet-stream", "x"));
        all.add(new Request("PATCH a model", "PATCH", "/api/models/nope", json, "{}"));
        all.add(new Request("a URI of 100,000 characters", "GET", "/api/models/" + "a".repeat(100_000), null, null));
        return all;
    }

    /** CSV files the dataset upload must refuse (or read) without a 5xx. */
    static List<String[]> csvs() {
        List<String[]> all = new ArrayList<>();
        String[][] files = {
            {"empty", ""}, {"a header only", "x,y\n"}, {"one row", "x,y\n1,2\n"}, {"ragged rows", "x,y\n1,2\n3\n4,5,6\n"},
            {"text where numbers belong", "x,y\n1,2\nthree,4\n"}, {"NaN", "x,y\n1,NaN\n2,3\n"}, {"Infinity", "x,y\n1,Infinity\n2,3\n"},
            {"1e400", "x,y\n1,1e400\n2,3\n"}, {"a number of 100,000 digits", "x,y\n1," + "9".repeat(100_000) + "\n2,3\n"},
            {"a NUL in the first row", "x,y\u0000\n1,2\n3,4\n"},
            {"a NUL past 4,096 characters", "x,label\n" + "1,a\n".repeat(1200) + "2,b\u0000c\n"},
            {"binary", "\u0000\u0001\u0002PK\u0003\u0004"}, {"a BOM and a numeric first row", "\ufeff1,2\n3,4\n5,6\n"},
            {"only separators", ",,,\n,,,\n"}, {"10,000 columns", "c,".repeat(9999) + "y\n" + "1,".repeat(9999) + "2\n"},
            {"a cell of 500,000 characters", "x,y\n1," + "a".repeat(500_000) + "\n2,b\n"},
            {"100,000 rows", "x,y\n" + "1,2\n".repeat(100_000)}, {"quotes never closed", "x,y\n\"1,2\n3,4\n"},
            {"10,000 classes", "x,label\n" + java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> i + ",c" + i + "\n")
                    .reduce("", String::concat)},
            {"CR line ends only", "x,y\r1,2\r3,4\r"}, {"a lone surrogate", "x,y\n1,\ud800\n2,3\n"},
        };
        for (String[] file : files) {
            all.add(file);
        }
        return all;
    }
}

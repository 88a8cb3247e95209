package org.nnplayground.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nnplayground.data.CsvLimits;
import org.nnplayground.data.CsvReader;
import org.nnplayground.json.Json;
import org.nnplayground.run.RunConfigJson;
import org.nnplayground.run.TrainingRun;
import org.nnplayground.text.CodedError;

/**
 * The core's coded errors and the pages' catalogues agree: each code has words in English and in Chinese with the
 * same parameters, and the English words filled with the error's parameters are the core's own message. The
 * engine's answers carry the code and the parameters.
 */
class ErrorCataloguesTest {
    private static CodedError csvError(String text, int targets) {
        return assertThrows(CodedError.class, () -> CsvReader.read(text, CsvLimits.DEFAULT.withMaxRows(20), targets));
    }

    @Test
    void everyCodedErrorReadsAsTheCoreSaysItInEnglishAndHasChineseWords() throws IOException {
        StringBuilder longRow = new StringBuilder("1,");
        longRow.append("1".repeat(1200)).append('\n');
        StringBuilder manyClasses = new StringBuilder();
        for (int k = 0; k < 12; k++) {
            manyClasses.append("1,2,c").append(k).append('\n');
        }
        List<CodedError> errors = List.of(csvError("", 0), csvError(longRow.toString(), 0), csvError("1,2\n".repeat(25), 0),
                csvError("1\n", 0), csvError("1,2\n3,4\n", 2), csvError("x,y\n", 0), csvError("1,2\n3,4,5\n", 0),
                csvError("1,\n", 0), csvError("1,2,a\n3,4,a\n", 0), csvError(manyClasses.toString(), 0),
                csvError("\u0000\u0001\u0002binary", 0), csvError("\"1,2\n", 0), csvError("1,abc\n", 0), csvError("1,1e999\n", 0));
        assertEquals(14, errors.stream().map(CodedError::code).distinct().count(), "every code of the reader but tooLarge");
        String layer = "{\"dataset\":{\"name\":\"moons\",\"n\":61,\"noise\":0.1,\"seed\":1},\"layers\":[%s],"
                + "\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.1}],\"batchSize\":%d,\"steps\":1}";
        errors = new java.util.ArrayList<>(errors);
        for (String[] bad : new String[][] {{"{\"units\":4,\"activation\":\"Swish\"}", "10"}, {"{\"units\":4,\"dropout\":1}", "10"},
            {"{\"units\":4,\"norm\":\"BatchNorm1d\"}", "20"}}) {
            errors.add(assertThrows(CodedError.class, () -> RunConfigJson.parse(String.format(layer, bad[0], Integer.parseInt(bad[1])))));
        }
        assertEquals(List.of("unknownName", "dropout", "batchNormLastRow"),
                errors.subList(14, 17).stream().map(CodedError::code).toList());
        String run = "{\"dataset\":{\"name\":\"parabola\"%s},\"layers\":[],\"optimizers\":[{\"name\":\"SGD\",\"lr\":0.1}]%s}";
        for (String[] bad : new String[][] {{"", ",\"steps\":1,\"testFraction\":0.95"}, {"", ",\"steps\":1,\"l1\":11"},
            {"", ",\"steps\":1,\"colour\":1"}, {"", ",\"steps\":1.5"}, {"", ",\"epochs\":2000000,\"batchSize\":1"},
            {",\"noise\":101", ",\"steps\":1"}, {"", ""}}) {
            errors.add(assertThrows(CodedError.class, () -> RunConfigJson.parse(String.format(run, bad[0], bad[1]))));
        }
        assertEquals(List.of("config.testFraction", "config.l1", "config.unknownKey", "config.whole", "config.tooLong",
                "config.noise", "config.length"), errors.subList(17, 24).stream().map(CodedError::code).toList());
        for (byte[] file : List.of(new byte[0], new byte[] {(byte) 0x80, 2}, "hello".getBytes())) {
            errors.add(assertThrows(CodedError.class, () -> org.nnplayground.io.pytorch.WeightFiles.read(file)));
        }
        assertEquals(List.of("file.empty", "file.legacy", "file.notWeights"),
                errors.subList(24, 27).stream().map(CodedError::code).toList());
        // An optimizer's or a scheduler's own check, in PyTorch's words inside a frame of the catalogue.
        String race = "{\"dataset\":{\"name\":\"parabola\"},\"layers\":[],\"optimizers\":[%s],\"steps\":1%s}";
        errors.add(assertThrows(CodedError.class, () -> RunConfigJson.parse(String.format(race,
                "{\"name\":\"Adam\",\"lr\":0.1,\"betas\":[1.5,0.9]}", ""))));
        errors.add(assertThrows(CodedError.class, () -> RunConfigJson.parse(String.format(race, "{\"name\":\"SGD\",\"lr\":0.1}",
                ",\"scheduler\":{\"name\":\"OneCycleLR\",\"max_lr\":0.1,\"total_steps\":10,\"pct_start\":2}"))));
        assertEquals(List.of("optimizer.invalid", "scheduler.invalid"), errors.subList(27, 29).stream().map(CodedError::code).toList());
        Catalogues.assertSaidInBoth(errors);
    }

    /** The JSON readers' refusals (a wrong kind, a missing or unknown key, a number out of range) have Chinese words. */
    @Test
    void everyRefusalOfAConfigurationHasChineseWordsForItsParameters() throws IOException {
        Map<String, String> zh = Catalogues.catalogue("zh-CN");
        String base = "{\"dataset\":{\"name\":\"parabola\"},\"layers\":[%s],\"optimizers\":[%s],\"steps\":1}";
        String sgd = "{\"name\":\"SGD\",\"lr\":0.1}";
        List<String[]> bad = List.of(new String[] {"{\"units\":4,\"bias\":3}", sgd},
                new String[] {"{\"units\":4}", "{\"name\":\"SGD\",\"lr\":0.1,\"moment\":0.9}"},
                new String[] {"{\"units\":0}", sgd}, new String[] {"{\"units\":4,\"activation\":\"GELU\",\"approximate\":\"fast\"}", sgd});
        List<String> codes = new java.util.ArrayList<>();
        for (String[] b : bad) {
            CodedError error = assertThrows(CodedError.class, () -> RunConfigJson.parse(String.format(base, b[0], b[1])));
            codes.add(error.code());
            String key = "error." + error.code();
            assertTrue(zh.containsKey(key), key);
            for (String name : error.params().keySet()) {
                assertTrue(zh.get(key).contains("{" + name + "}"), key + " says {" + name + "} in Chinese");
            }
        }
        CodedError missing = assertThrows(CodedError.class, () -> RunConfigJson.parse("{\"dataset\":{\"name\":\"custom\"}}"));
        assertTrue(zh.containsKey("error." + missing.code()), missing.code());
        assertEquals(List.of("json.kind", "option.unknown", "json.range", "unknownName"), codes);
    }

    /** The descent chapter's and the building-nets chapter's own refusals, as their pages' controls can cause them. */
    @Test
    void theChaptersOwnRefusalsAreSaidInBothLanguages() throws IOException {
        List<CodedError> errors = List.of(
                assertThrows(CodedError.class, () -> DescentAnswer.run("batch", Double.NaN, 0.1, 5, 1, -1)),
                assertThrows(CodedError.class, () -> DescentAnswer.run("batch", 1, -0.5, 5, 1, -1)),
                assertThrows(CodedError.class, () -> DescentAnswer.run("stochastic", 1, 0.1, 0, 1, 3)),
                assertThrows(CodedError.class, () -> DescentAnswer.run("mini-batch", 1, 0.1, 5, 0, 3)),
                assertThrows(CodedError.class, () -> DescentAnswer.run("batch", 1, 0.1, 20_000, 1, -1)),
                assertThrows(CodedError.class, () -> BuildingNetsAnswer.run(1, 1000, 1, 1)));
        assertEquals(List.of("descent.w0", "descent.lr", "descent.epochs", "descent.batch", "descent.tooManyEpochs", "nets.sizes"),
                errors.stream().map(CodedError::code).toList());
        Catalogues.assertSaidInBoth(errors);
        // Through the engine's answer, whose JSON has no NaN: the parameter travels as text.
        Map<?, ?> answer = (Map<?, ?>) Json.parse(EngineSession.answer(() -> DescentAnswer.run("batch", Double.NaN, 0.1, 5, 1, -1)));
        assertEquals("NaN", ((Map<?, ?>) answer.get("params")).get("value"));
    }

    @Test
    void aDivergedRunAndARefusedFileCarryTheirCodeToThePage() throws IOException {
        TrainingRun run = new TrainingRun(RunConfigJson.parse("{\"dataset\":{\"name\":\"parabola\",\"n\":20,\"noise\":0.1,\"seed\":1},"
                + "\"layers\":[{\"units\":4}],\"optimizers\":[{\"name\":\"SGD\",\"lr\":1e6}],\"steps\":50}"));
        while (run.step()) {
            // to the divergence
        }
        CodedError failure = run.failure();
        assertEquals("diverged", failure.code());
        assertEquals(failure.getMessage(), Catalogues.fill(Catalogues.catalogue("en").get("error.diverged"), failure.params()));
        Map<?, ?> answer = (Map<?, ?>) Json.parse(EngineSession.answer(() -> CsvAnswer.read("x,y\n1,abc\n", 10, 0)));
        assertEquals("csv.notNumber", answer.get("code"));
        assertEquals("abc", ((Map<?, ?>) answer.get("params")).get("value"));
        assertEquals("row 2, column 2 (y): \"abc\" is not a number", answer.get("error"));
    }
}

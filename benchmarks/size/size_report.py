#!/usr/bin/env python3
"""What each Java package costs in the engine: bytes of TeaVM's readable JavaScript per package.

TeaVM names every function and class of its unminified output after its Java class ("onr_TrainingRun_step"
is org.nnplayground.run.TrainingRun.step; "ju_" java.util; "$rt_" the runtime), so the readable build can be
split by package. The WebAssembly build carries no names; its code follows the same classes, so the shares
are a fair guide to it too. Build the readable JavaScript with
    mvn -q -pl frontend package -DskipTests -Dteavm.minifying=false
then run
    python3 benchmarks/size/size_report.py frontend/target/classes/webapp/engine/nn.js
"""
import collections
import re
import sys

PREFIXES = {
    "$rt": "TeaVM runtime", "jl": "java.lang", "ju": "java.util", "jur": "java.util.regex", "jus": "java.util.stream",
    "juf": "java.util.function", "jn": "java.nio", "jnc": "java.nio.charset", "jnci": "java.nio.charset.impl",
    "otci": "TeaVM class library (impl)", "otcit": "TeaVM class library (number text)", "otciu": "TeaVM class library (unicode)",
    "onr": "nnplayground.run", "onc": "nnplayground.catalog", "onw": "nnplayground.web", "ond": "nnplayground.data",
    "oni": "nnplayground.io", "onip": "nnplayground.io.pytorch", "ont": "nnplayground.tensor", "onj": "nnplayground.json",
    "onn": "nnplayground.nn", "onp": "nnplayground.probe", "ono": "nnplayground.optim", "onl": "nnplayground.loss",
    "onm": "nnplayground.math", "onos": "nnplayground.optim.scheduler", "onco": "nnplayground.course", "onra": "nnplayground.random", "ont2": "nnplayground.text",
}


def sizes(text):
    # Top-level declarations: "name = ..." or "function name(" at the start of a line; each runs to the next one.
    # The class tables and the string pool at the end ($rt_packages(...), $rt_metadata(...), $rt_stringPool(...))
    # are counted apart.
    starts = [(m.start(), m.group(1) or m.group(2))
              for m in re.finditer(r'^(?:let |var )?(?:function ([\w$]+)\(|([\w$]+) = )', text, re.M)]
    tables = re.search(r'^\$rt_packages\(\[', text, re.M)
    if tables:
        starts = [s for s in starts if s[0] < tables.start()] + [(tables.start(), '(class tables and strings)')]
    out = collections.Counter()
    for i, (start, name) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        prefix = name if name.startswith('(') else name.split('_')[0] if '_' in name else '(other)'
        out[prefix] += end - start
    return out


def main(path):
    text = open(path, encoding='utf-8').read()
    counted = sizes(text)
    total = sum(counted.values())
    print(f"| package | readable bytes | share |")
    print(f"|---|---:|---:|")
    for prefix, size in counted.most_common():
        if size * 200 < total:
            continue
        print(f"| {PREFIXES.get(prefix, prefix)} | {size:,} | {100 * size / total:.1f} % |")
    print(f"| **all** | {total:,} | |")


if __name__ == '__main__':
    main(sys.argv[1])

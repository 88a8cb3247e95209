// Every script the site ships parses: the page modules and the classic scripts (the worker, embed.js). A module
// that no unit test imports would otherwise break only in the browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const webapp = new URL('../../main/webapp/', import.meta.url).pathname;
const CLASSIC = ['engine/engine-worker.js', 'engine/pacer.js', 'engine/training-loop.js', 'embed.js'];
const files = ['app', 'engine', 'bench', 'check'].flatMap((dir) => readdirSync(join(webapp, dir))
  .filter((name) => name.endsWith('.js')).map((name) => `${dir}/${name}`)).concat(['embed.js']);

for (const file of files) {
  test(`${file} parses`, () => {
    const kind = CLASSIC.includes(file) ? 'commonjs' : 'module';
    const result = spawnSync(process.execPath, [`--input-type=${kind}`, '--check'], { input: readFileSync(join(webapp, file)) });
    assert.equal(result.status, 0, String(result.stderr));
  });
}

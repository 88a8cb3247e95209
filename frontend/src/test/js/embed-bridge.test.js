import { test } from 'node:test';
import assert from 'node:assert/strict';
import { controlShown, embedOptions, embedSuffix } from '../../main/webapp/app/embed-bridge.js';

test('the embed view is ?embed=1 (or embed=1 in an older link), with its options from the hash', () => {
  assert.equal(embedOptions('?embed=1', '#v=1&lr=0.1').embedded, true);
  assert.equal(embedOptions('', '#v=1&embed=1').embedded, true);
  assert.equal(embedOptions('', '#v=1').embedded, false);
  const options = embedOptions('?embed=1', '#v=1&hide=lr,%20reset&show=noise&controls=none&autoplay=1');
  assert.deepEqual(options.hide, ['lr', 'reset']);
  assert.deepEqual(options.show, ['noise']);
  assert.equal(options.noControls, true);
  assert.equal(options.autoplay, true);
});

test("a chapter's own row unless show= names others; hide= and controls=none win; the buttons stay", () => {
  const plain = embedOptions('?embed=1', '#v=1');
  assert.ok(controlShown('noise', 'regression', plain));
  assert.ok(!controlShown('optimizer', 'regression', plain));
  assert.ok(controlShown('optimizer', 'playground', plain));
  assert.ok(controlShown('play', 'race', plain));
  const shown = embedOptions('?embed=1', '#v=1&show=optimizer');
  assert.ok(controlShown('optimizer', 'regression', shown));
  assert.ok(!controlShown('noise', 'regression', shown), 'show= replaces the chapter row');
  assert.ok(!controlShown('reset', 'regression', embedOptions('?embed=1', '#v=1&hide=reset')));
  assert.ok(!controlShown('play', 'regression', embedOptions('?embed=1', '#v=1&controls=none')));
});

test('the embedding options survive the page writing its settings back into the link', () => {
  assert.equal(embedSuffix('#v=1&lr=0.3&embed=1&hide=lr,batch&autoplay=1'), '&embed=1&hide=lr%2Cbatch&autoplay=1');
  assert.equal(embedSuffix('#v=1&lr=0.3'), '');
});

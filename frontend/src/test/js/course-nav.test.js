import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHAPTERS, neighbours } from '../../main/webapp/app/course-nav.js';

test('each chapter leads to the one before and after it, the ends to none', () => {
  assert.deepEqual(CHAPTERS.map((c) => c.page).slice(0, 2), ['regression.html', 'classification.html']);
  assert.equal(neighbours('regression.html').previous, null);
  assert.equal(neighbours('regression.html').next.page, 'classification.html');
  assert.equal(neighbours('race.html').previous.page, 'descent.html');
  assert.equal(neighbours('playground.html').next, null);
  assert.deepEqual(neighbours('index.html'), { previous: null, next: null });
});

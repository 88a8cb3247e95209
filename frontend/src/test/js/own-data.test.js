// Your own data's preview: what each column became, as the core reads the file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnRoles } from '../../main/webapp/app/own-data.js';

test('inputs first, then the targets of a regression or the class column with its names and numbers', () => {
  assert.deepEqual(columnRoles({ columns: ['a', 'b', 'c', 'y1', 'y2'], features: 3, outputs: 2, classes: null }),
    ['a: input', 'b: input', 'c: input', 'y1: target', 'y2: target']);
  assert.deepEqual(columnRoles({ columns: ['x1', 'x2', 'species'], features: 2, outputs: 1, classes: ['setosa', 'virginica'] }),
    ['x1: input', 'x2: input', 'species: 2 classes (setosa = 0, virginica = 1)']);
});

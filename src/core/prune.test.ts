import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pruneEmpty } from './prune.js';

test('empty elements are removed, recursively, and nothing else', () => {
  assert.deepEqual(
    pruneEmpty({ code: { coding: [{ system: '', code: undefined }], text: ' ' }, value: 0, flag: false, range: {}, notes: [null, 'kept'], n: NaN }),
    { value: 0, flag: false, notes: ['kept'] },
  );
});

// Hostile units (session 12): a 100 KB `unit` attribute held the reader for seconds in the UCUM
// validator (ucum-lhc is quadratic on some long strings). Found by putting 100 KB runs into every
// attribute of a corpus C-CDA; built here in code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { quantity } from './datatypes.js';
import { toUcum } from '../../record/normalize/units.js';
import type { CdaNode } from './xml.js';

const pq = (unit: string): CdaNode => ({ name: 'value', attrs: { value: '5', unit }, children: [], text: '' });

test('a 100 KB unit is kept as text without being validated as UCUM, in milliseconds', () => {
  const unit = `<${'9'.repeat(100_000)}x`;
  const t0 = performance.now();
  const q = quantity(pq(unit));
  const normalized = toUcum(unit);
  const ms = performance.now() - t0;
  assert.equal(q?.unit, unit);
  assert.equal(q?.system, undefined);
  assert.equal(normalized, undefined);
  assert.ok(ms < 1_000, `took ${Math.round(ms)} ms`); // 2 × 7.5 s before
});

test('ordinary units are still recognised as UCUM', () => {
  assert.equal(quantity(pq('mg/dL'))?.system, 'http://unitsofmeasure.org');
  assert.equal(toUcum('mg/dL'), 'mg/dL');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LabGroup, LabPoint } from './types.js';
import { convertGroupUnits } from './units.js';

const src = { documentId: 'd', filename: 'f' };
const pt = (id: string, value: number, unit: string, low?: number, high?: number): LabPoint => ({ resourceId: id, date: '2020-01-01', value, unit, display: `${value} ${unit}`, low, high, source: src });

test('a glucose in mmol/L is drawn in the group unit mg/dL, its range too, the original kept', () => {
  const g: LabGroup = { key: 'loinc:2345-7', loinc: '2345-7', name: 'Glucose', unit: 'mg/dL', count: 2, latest: pt('a', 99, 'mg/dL'), points: [pt('a', 99, 'mg/dL'), pt('b', 5.5, 'mmol/L', 3.9, 5.5)] };
  const out = convertGroupUnits(g);
  const b = out.points[1];
  assert.equal(b.original, '5.5 mmol/L');
  assert.equal(b.unit, 'mg/dL');
  assert.ok(Math.abs(b.value! - 99.1) < 0.5, `5.5 mmol/L is about 99 mg/dL, got ${b.value}`);
  assert.ok(Math.abs(b.low! - 70.3) < 0.5);
  assert.equal(out.points[0].original, undefined, 'a point already in the unit is untouched');
});

test('a unit that does not convert is left as written', () => {
  const g: LabGroup = { key: 'name:x', name: 'X', unit: 'mg/dL', count: 1, latest: pt('a', 1, 'mg/dL'), points: [pt('a', 1, 'mg/dL'), pt('b', 3, 'bananas')] };
  assert.equal(convertGroupUnits(g).points[1].unit, 'bananas');
});

test('body weights sent in ounces (Epic) are charted in pounds, the ounces kept as written', () => {
  const a = pt('a', 2176, '[oz_av]');
  const b = pt('b', 2200, '[oz_av]');
  const g: LabGroup = { key: 'loinc:29463-7', loinc: '29463-7', name: 'Weight', unit: '[oz_av]', count: 2, latest: b, points: [a, b] };
  const out = convertGroupUnits(g);
  assert.equal(out.unit, '[lb_av]');
  assert.deepEqual(out.points.map((p) => [p.value, p.display, p.original]), [[136, '136 lb', '2176 oz'], [137.5, '137.5 lb', '2200 oz']]);
});

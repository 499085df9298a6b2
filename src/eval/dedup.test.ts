/** The dedup eval's oracles: a fact shown twice is a duplicate, two facts shown as one a wrong merge. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import { factsOf, type Fact } from '../record/normalize/fact.js';
import { reconcileFacts, clusterBlock } from '../record/reconcile/cluster.js';
import { scoreKind } from './dedup.js';

const imm = (id: string, code: string, date: string): Fact => factsOf({ resourceType: 'Immunization', status: 'completed', vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code }] }, occurrenceDateTime: date } as Resource, id, { documentId: id, structured: true })[0];

test('the same immunization kept as two items counts as a duplicate; two days merged as one is a wrong merge', () => {
  const fs = [imm('a', '115', '2020-05-01'), imm('b', '115', '2020-05-01'), imm('c', '115', '2012-01-04')];
  const map = new Map(fs.map((f) => [f.id, f]));
  const good = reconcileFacts(fs);
  assert.deepEqual(scoreKind(good, map), { items: 2, duplicates: 0, wrongMerges: 0, examples: [] });
  const split = clusterBlock('immunizations', fs, [{ id: 's', action: 'split', kind: 'immunizations', resourceIds: ['b'] }]);
  assert.equal(scoreKind(split, map).duplicates, 1);
  const merged = clusterBlock('immunizations', fs, [{ id: 'm', action: 'merge', kind: 'immunizations', resourceIds: ['a', 'c'] }]);
  assert.equal(scoreKind(merged, map).wrongMerges, 1);
});

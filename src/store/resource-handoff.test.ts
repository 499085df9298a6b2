import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import { ResourceHandoff } from './resource-handoff.js';

const obs = (id: string, value: number): Resource => ({ resourceType: 'Observation', id, status: 'final', code: { text: 'Glucose' }, valueQuantity: { value } });

test('a row read back with the JSON that was stored gives the parsed resource once', () => {
  const h = new ResourceHandoff(10);
  const r = obs('a', 5);
  h.put('a', JSON.stringify(r), r);
  assert.equal(h.take('a', JSON.stringify(r)), r);
  assert.equal(h.take('a', JSON.stringify(r)), undefined, 'taken once: a second read parses the row');
});

test('a row whose JSON changed since it was handed off is parsed from the table, not taken from memory', () => {
  const h = new ResourceHandoff(10);
  const r = obs('a', 5);
  h.put('a', JSON.stringify(r), r);
  assert.equal(h.take('a', JSON.stringify(obs('a', 6))), undefined);
});

test('bounded: the oldest entries leave first, and dropped ones are gone', () => {
  const h = new ResourceHandoff(2);
  for (const id of ['a', 'b', 'c']) h.put(id, id, obs(id, 1));
  assert.equal(h.size, 2);
  assert.equal(h.take('a', 'a'), undefined);
  h.drop(['b']);
  assert.equal(h.take('b', 'b'), undefined);
  assert.equal(h.take('c', 'c')?.id, 'c');
});

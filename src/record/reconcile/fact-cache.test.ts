import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FactCache } from './fact-cache.js';

const row = (id: string, block = 'b') => ({ id, resource_id: id, document_id: 'd', kind: 'medications', block, json: '["x"]' });

test('a block marked only by this run is given back from memory, once', () => {
  const c = new FactCache(100);
  c.add('k', row('1'));
  c.add('k', row('2'));
  c.marked('k', c.base); // a fresh mark: the run's base
  c.add('k', row('3'));
  c.marked('k', c.base + 1); // marked again by the run in a later transaction
  assert.deepEqual(c.take('k', c.base + 1)?.map((r) => r.id), ['1', '2', '3']);
  assert.equal(c.take('k', c.base + 1), undefined, 'rebuilt once: the next rebuild reads the table');
});

test('a block someone else marked, or whose mark was cleared and made again, is read from the table', () => {
  const c = new FactCache(100);
  c.add('a', row('1', 'a'));
  c.marked('a', c.base + 1); // the mark existed already (another job's): not ours alone
  assert.equal(c.take('a', c.base + 1), undefined);

  c.add('b', row('2', 'b'));
  c.marked('b', c.base);
  c.add('b', row('3', 'b'));
  c.marked('b', c.base); // another job rebuilt and cleared the mark in between, ours is fresh again
  c.add('b', row('4', 'b')); // not cached again: memory would hold only part of the block
  c.marked('b', c.base + 1);
  assert.equal(c.take('b', c.base + 1), undefined);

  c.add('c', row('5', 'c'));
  c.marked('c', c.base);
  assert.equal(c.take('c', c.base + 7), undefined, 'bumped since the run marked it: another writer changed its facts');
});

test('facts leaving a block, or too many facts, fall back to the table', () => {
  const c = new FactCache(100);
  c.add('k', row('1'));
  c.marked('k', c.base);
  c.drop('k');
  assert.equal(c.take('k', c.base), undefined);

  const small = new FactCache(2);
  small.add('k', row('1'));
  small.add('k', row('2'));
  small.add('k', row('3'));
  assert.equal(small.enabled, false);
  small.marked('k', small.base);
  assert.equal(small.take('k', small.base), undefined);
});

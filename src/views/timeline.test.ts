import { test } from 'node:test';
import assert from 'node:assert/strict';
import { granularityFor, rangeOfKey } from './timeline.js';

test('zoom level follows the range: years, then months, then days', () => {
  assert.equal(granularityFor(), 'year');
  assert.equal(granularityFor('2000', '2020'), 'year');
  assert.equal(granularityFor('2019', '2020'), 'month');
  assert.equal(granularityFor('2019-03', '2019-04'), 'day');
});

test('a bucket key names its own range, across month and year ends', () => {
  assert.deepEqual(rangeOfKey('2019'), { from: '2019', to: '2020' });
  assert.deepEqual(rangeOfKey('2019-12'), { from: '2019-12', to: '2020-01' });
  assert.deepEqual(rangeOfKey('2020-02-29'), { from: '2020-02-29', to: '2020-03-01' });
  assert.equal(rangeOfKey('20x9'), undefined);
});

test('bucket keys between two keys fill the gaps', async () => {
  const { keysBetween } = await import('./zoom.js');
  assert.deepEqual(keysBetween('2018', '2021', 'year'), ['2018', '2019', '2020', '2021']);
  assert.deepEqual(keysBetween('2019-11', '2020-02', 'month'), ['2019-11', '2019-12', '2020-01', '2020-02']);
  assert.deepEqual(keysBetween('2020-02-28', '2020-03-01', 'day'), ['2020-02-28', '2020-02-29', '2020-03-01']);
});

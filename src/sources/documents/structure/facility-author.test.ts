import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFacility } from './facility-author.js';

test('a logo read as marks before the letterhead name is no part of the facility; a leading number is', () => {
  const lines = (rows: string[]) => rows.map((text, index) => ({ page: 1, index, text }));
  assert.equal(findFacility(lines(['         #4 Crestline Clinical Laboratories', '  7696 Forest Rd, Mesa, AZ 85201'])), 'Crestline Clinical Laboratories');
  assert.equal(findFacility(lines(['  ® * Oak Meadow Health Center'])), 'Oak Meadow Health Center');
  assert.equal(findFacility(lines(['  24 Hour Family Clinic'])), '24 Hour Family Clinic');
});

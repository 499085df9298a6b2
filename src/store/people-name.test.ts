import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capitalsAsName, displayNameOf } from './people.js';

test('a name written all in capitals (HL7 v2, DICOM, lab systems) reads as a person writes it', () => {
  assert.equal(displayNameOf({ name: 'JANE B SMITH' }), 'Jane B Smith');
  assert.equal(displayNameOf({ given: ['JOHN', 'A'], family: 'DOE' }), 'John A Doe');
  assert.equal(capitalsAsName("MARY O'BRIEN-MCDONALD"), "Mary O'Brien-McDonald");
  assert.equal(capitalsAsName('ZOË ÅSTRÖM'), 'Zoë Åström');
});

test('a name in mixed case is kept as written', () => {
  for (const n of ['Pieter van der Berg', 'DeShawn MacArthur', 'Kari CCDA Kidd']) assert.equal(displayNameOf({ name: n }), n);
  assert.equal(displayNameOf({}), 'Unnamed person');
});

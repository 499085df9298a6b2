import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideIdentity, type KnownPerson } from './identity.js';

const mom: KnownPerson = { id: 'mom', given: 'Ada', family: 'Testbury', birthDate: '1950-02-03', identifiers: [{ system: 'urn:mrn:mercy', value: '77' }] };
const kid: KnownPerson = { id: 'kid', given: 'Bo', family: 'Testbury', birthDate: '2015-06-07', identifiers: [] };

test('an identifier matches the person who holds it', () => {
  assert.deepEqual(decideIdentity({ family: 'Testbury', identifiers: [{ system: 'urn:mrn:mercy', value: '77' }] }, [mom, kid]), { kind: 'match', personId: 'mom', by: 'identifier' });
});

test('name and birth date tell a mother from her child with the same family name', () => {
  assert.deepEqual(decideIdentity({ given: ['Bo'], family: 'TESTBURY', birthDate: '2015-06-07' }, [mom, kid]), { kind: 'match', personId: 'kid', by: 'name-and-birth-date' });
});

test('accents and case do not split a person', () => {
  const jose: KnownPerson = { id: 'j', given: 'José', family: 'Núñez', birthDate: '1970-01-01', identifiers: [] };
  assert.equal(decideIdentity({ given: ['JOSE'], family: 'NUNEZ', birthDate: '1970-01-01' }, [jose]).kind, 'match');
});

test('the same identifier with a different birth date is not a match: the user decides', () => {
  const d = decideIdentity({ family: 'Other', birthDate: '1990-01-01', identifiers: [{ system: 'urn:mrn:mercy', value: '77' }] }, [mom]);
  assert.equal(d.kind, 'ambiguous');
});

test('a new patient is new; no identity at all is none', () => {
  assert.deepEqual(decideIdentity({ given: ['Cy'], family: 'Sample', birthDate: '1980-01-01' }, [mom, kid]), { kind: 'new' });
  assert.deepEqual(decideIdentity({}, [mom]), { kind: 'none' });
});

test('two people with the same name and no birth date to tell them apart: ambiguous', () => {
  const twin: KnownPerson = { ...kid, id: 'kid2', birthDate: '2016-01-01' };
  assert.equal(decideIdentity({ given: ['Bo'], family: 'Testbury' }, [kid, twin]).kind, 'ambiguous');
});

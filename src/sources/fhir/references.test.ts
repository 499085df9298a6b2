import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Resource } from '@medplum/fhirtypes';
import { forEachReference, parseReference, ReferenceIndex, resolveReferences } from './references.js';
import { bytesInput, collectParts } from './file-input.js';
import { fhirAdapter } from './index.js';

const r = (x: Record<string, unknown>) => x as unknown as Resource;

test('every reference form resolves to its target in the same input', () => {
  const items = [
    { resource: r({ resourceType: 'Patient', id: 'p1', identifier: [{ system: 'urn:mrn', value: '7' }] }), fullUrl: 'urn:uuid:11111111-1111-1111-1111-111111111111' },
    { resource: r({ resourceType: 'Practitioner', identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '999' }] }), fullUrl: 'http://ehr.example/fhir/Practitioner/dr1' },
    {
      resource: r({
        resourceType: 'Observation',
        id: 'o1',
        contained: [{ resourceType: 'Specimen', id: 'sp' }],
        subject: { reference: 'urn:uuid:11111111-1111-1111-1111-111111111111' },
        performer: [{ reference: 'Practitioner/dr1' }, { reference: 'http://ehr.example/fhir/Practitioner/dr1/_history/3' }, { reference: 'Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|999' }],
        specimen: { reference: '#sp' },
        focus: [{ reference: 'Patient/p1/_history/2' }, { reference: 'Patient?identifier=urn%3Amrn%7C7' }],
        encounter: { reference: 'Encounter/elsewhere' },
      }),
    },
  ];
  const rep = resolveReferences(items);
  const got = rep.links.map((l) => [l.path, l.reference, l.kind, l.target]);
  assert.deepEqual(got, [
    ['Observation.subject', 'urn:uuid:11111111-1111-1111-1111-111111111111', 'fullUrl', 0],
    ['Observation.performer', 'Practitioner/dr1', 'relative', 1],
    ['Observation.performer', 'http://ehr.example/fhir/Practitioner/dr1/_history/3', 'absolute', 1],
    ['Observation.performer', 'Practitioner?identifier=http://hl7.org/fhir/sid/us-npi|999', 'conditional', 1],
    ['Observation.specimen', '#sp', 'contained', undefined],
    ['Observation.focus', 'Patient/p1/_history/2', 'relative', 0],
    ['Observation.focus', 'Patient?identifier=urn%3Amrn%7C7', 'conditional', 0],
    ['Observation.encounter', 'Encounter/elsewhere', 'relative', undefined],
  ]);
  assert.equal(rep.resolved, 6);
  assert.equal(rep.unresolved, 1);
  assert.equal(rep.contained, 1);
  assert.equal(rep.containedResolved, 1);
});

test('an identifier shared by two resources does not resolve a conditional reference', () => {
  const idx = new ReferenceIndex();
  idx.add(0, { resourceType: 'Practitioner', id: 'a', identifier: [{ system: 's', value: '1' }] });
  idx.add(1, { resourceType: 'Practitioner', id: 'b', identifier: [{ system: 's', value: '1' }] });
  assert.equal(idx.resolve('Practitioner?identifier=s|1'), undefined);
  assert.equal(idx.resolve('Practitioner/b'), 1);
});

test('parseReference names the form', () => {
  assert.deepEqual(parseReference('Patient/123'), { kind: 'relative', type: 'Patient', id: '123', base: undefined });
  assert.equal(parseReference('https://x.org/fhir/Patient/123').kind, 'absolute');
  assert.equal(parseReference('urn:uuid:abc').kind, 'fullUrl');
  assert.equal(parseReference('#c1').kind, 'contained');
  assert.equal(parseReference('not a reference').kind, 'other');
});

test('a bundle whose resources reference each other in a cycle imports and resolves without hanging', async () => {
  const bundle = {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl: 'urn:uuid:a', resource: { resourceType: 'Observation', status: 'final', code: { text: 'panel' }, hasMember: [{ reference: 'urn:uuid:b' }] } },
      { fullUrl: 'urn:uuid:b', resource: { resourceType: 'Observation', status: 'final', code: { text: 'item' }, derivedFrom: [{ reference: 'urn:uuid:a' }], hasMember: [{ reference: 'urn:uuid:b' }] } },
    ],
  };
  const [e] = await collectParts(fhirAdapter.extract(bytesInput('cycle.json', JSON.stringify(bundle))));
  assert.equal(e.resources.length, 2);
  const rep = resolveReferences(e.resources);
  assert.deepEqual(rep.links.map((l) => [l.from, l.target]), [[0, 1], [1, 0], [1, 1]]);
});

test('forEachReference terminates on an object graph with a cycle', () => {
  const a: Record<string, unknown> = { resourceType: 'Basic', author: { reference: 'Patient/1' } };
  a.self = a;
  const seen: string[] = [];
  forEachReference(a, (ref) => seen.push(ref));
  assert.deepEqual(seen, ['Patient/1']);
});

test('a relative reference resolves against the base of its own entry first', () => {
  const items = [
    { resource: r({ resourceType: 'Patient', id: '1' }), fullUrl: 'http://a.example/fhir/Patient/1' },
    { resource: r({ resourceType: 'Patient', id: '1' }), fullUrl: 'http://b.example/fhir/Patient/1' },
    { resource: r({ resourceType: 'Observation', id: 'o', subject: { reference: 'Patient/1' } }), fullUrl: 'http://a.example/fhir/Observation/o' },
  ];
  assert.equal(resolveReferences(items).links[0].target, 0);
});

/** A medication pointing at a Medication of the same input is named by it (IPS documents, `_include` searches). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesInput, collectParts } from './file-input.js';
import { fhirAdapter } from './index.js';

const SNOMED = 'http://snomed.info/sct';

async function read(doc: unknown) {
  const [e] = await collectParts(fhirAdapter.extract(bytesInput('meds.json', JSON.stringify(doc))));
  return e.resources.map((x) => x.resource as unknown as Record<string, any>);
}

test('a document bundle\'s statement naming a Medication by urn:uuid gets its name as the reference display', async () => {
  const out = await read({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: 'urn:uuid:0b3f3c1e-0000-4000-8000-000000000001', resource: { resourceType: 'Patient', id: 'pt', name: [{ family: 'Ramos', given: ['Ana'] }], birthDate: '1970-02-03' } },
      {
        fullUrl: 'urn:uuid:0b3f3c1e-0000-4000-8000-000000000002',
        resource: { resourceType: 'MedicationStatement', id: 'ms', status: 'active', subject: { reference: 'urn:uuid:0b3f3c1e-0000-4000-8000-000000000001' }, medicationReference: { reference: 'urn:uuid:0b3f3c1e-0000-4000-8000-000000000003' } },
      },
      { fullUrl: 'urn:uuid:0b3f3c1e-0000-4000-8000-000000000003', resource: { resourceType: 'Medication', id: 'med', code: { coding: [{ system: SNOMED, code: '108774000', display: 'Product containing anastrozole' }] } } },
    ],
  });
  const ms = out.find((r) => r.resourceType === 'MedicationStatement')!;
  assert.equal(ms.medicationReference.display, 'Product containing anastrozole');
  assert.equal(ms.medicationReference.reference, 'urn:uuid:0b3f3c1e-0000-4000-8000-000000000003', 'the reference itself is untouched');
});

test('an _include search names each request by its Medication (text first), resolved against the entry\'s own server; a given display is kept', async () => {
  const base = 'https://ehr.example/fhir';
  const out = await read({
    resourceType: 'Bundle',
    type: 'searchset',
    entry: [
      { fullUrl: `${base}/MedicationRequest/r1`, search: { mode: 'match' }, resource: { resourceType: 'MedicationRequest', id: 'r1', status: 'active', intent: 'order', subject: { reference: 'Patient/pt' }, medicationReference: { reference: 'Medication/m1' } } },
      { fullUrl: `${base}/MedicationRequest/r2`, search: { mode: 'match' }, resource: { resourceType: 'MedicationRequest', id: 'r2', status: 'active', intent: 'order', subject: { reference: 'Patient/pt' }, medicationReference: { reference: 'Medication/m1', display: 'lisinopril (as written by the EHR)' } } },
      { fullUrl: `${base}/Medication/m1`, search: { mode: 'include' }, resource: { resourceType: 'Medication', id: 'm1', code: { text: 'Lisinopril 10 MG Oral Tablet', coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '314076' }] } } },
    ],
  });
  const byId = new Map(out.map((r) => [r.id, r]));
  assert.equal(byId.get('r1')!.medicationReference.display, 'Lisinopril 10 MG Oral Tablet');
  assert.equal(byId.get('r2')!.medicationReference.display, 'lisinopril (as written by the EHR)');
});

test('a reference to no Medication of the input, or to another type, stays without a display', async () => {
  const out = await read({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: 'urn:uuid:0b3f3c1e-0000-4000-8000-00000000000a', resource: { resourceType: 'MedicationRequest', id: 'r', status: 'active', intent: 'order', subject: { reference: 'Patient/pt' }, medicationReference: { reference: 'Medication/elsewhere' } } },
      { fullUrl: 'urn:uuid:0b3f3c1e-0000-4000-8000-00000000000b', resource: { resourceType: 'Medication', id: 'other', code: { text: 'Aspirin' } } },
    ],
  });
  assert.equal(out.find((r) => r.id === 'r')!.medicationReference.display, undefined);
});

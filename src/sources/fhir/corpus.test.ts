import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { collectParts, fileInput } from './file-input.js';
import { fhirAdapter } from './index.js';
import { SHARED_CORPUS } from '../../../test/helpers/corpus.js';

const fhir = join(SHARED_CORPUS, 'fhir');
const synthea = join(fhir, 'smart-generated-sample-data-r4-synthea');
const bulk = join(fhir, 'smart-bulk-fhir-10-patients');

test('Synthea transaction bundles: every clinical resource lands on the bundle patient', { skip: !existsSync(synthea) && 'shared corpus not present' }, async () => {
  for (const f of readdirSync(synthea).filter((x) => x.endsWith('.json'))) {
    const [e] = await collectParts(fhirAdapter.extract(fileInput(join(synthea, f))));
    assert.deepEqual(e.issues.filter((i) => i.severity === 'error'), [], f);
    const patients = e.resources.filter((r) => r.resource.resourceType === 'Patient');
    assert.equal(patients.length, 1, f);
    const key = patients[0].subject!;
    assert.deepEqual(Object.keys(e.subjects ?? {}), [key], f);
    assert.ok(e.subjects![key].birthDate, `${f}: birth date in the person hints`);
    for (const r of e.resources) {
      if (['Observation', 'Condition', 'Encounter', 'Immunization', 'Claim', 'ExplanationOfBenefit'].includes(r.resource.resourceType)) assert.equal(r.subject, key, `${f} ${r.resource.resourceType}`);
      assert.ok(r.fullUrl?.startsWith('urn:uuid:'));
    }
  }
});

test('bulk export: clinical notes become vault children with their text, each resource keeps its line', { skip: !existsSync(bulk) && 'shared corpus not present' }, async () => {
  const parts = await collectParts(fhirAdapter.extract(fileInput(join(bulk, 'DocumentReference.000.ndjson'))));
  const resources = parts.flatMap((p) => p.resources);
  const children = parts.flatMap((p) => p.children ?? []);
  assert.ok(resources.length > 1000);
  assert.equal(children.length, resources.length, 'one note per DocumentReference');
  assert.ok(children.every((c) => c.name.endsWith('.txt') && Buffer.from(c.bytes).toString('utf8').trim().length > 0), 'every note is text a reader can search');
  resources.forEach((r, i) => assert.equal(r.location.line, i + 1));
  assert.ok(!JSON.stringify(resources[0].resource).includes('"data"'), 'inline base64 is not kept');
  const subjects = parts.flatMap((p) => Object.values(p.subjects ?? {}));
  assert.ok(subjects.every((s) => s.identifiers?.some((i) => i.system === 'urn:vessel:fhir-patient')));
});

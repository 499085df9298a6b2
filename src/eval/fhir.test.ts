import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from './fhir.js';
import { SHARED_CORPUS } from '../../test/helpers/corpus.js';

const corpus = SHARED_CORPUS;

const line = (x: unknown) => JSON.stringify(x);

test('eval fhir counts resources in/stored/rejected per type and scores references per import set', async () => {
  const root = mkdtempSync(join(tmpdir(), 'vessel-eval-fhir-'));
  try {
    const set = join(root, 'fhir', 'bulk');
    mkdirSync(set, { recursive: true });
    writeFileSync(join(set, 'Patient.000.ndjson'), [line({ resourceType: 'Patient', id: 'p1' }), line({ resourceType: 'Patient', id: 'p2' })].join('\n'));
    writeFileSync(
      join(set, 'Observation.000.ndjson'),
      [
        line({ resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'x' }, subject: { reference: 'Patient/p1' } }),
        line({ resourceType: 'Observation', id: 'o2', status: 'final', code: { text: 'x' }, subject: { reference: 'Patient/p2' }, hasMember: [{ reference: 'Observation/o1' }] }),
        line({ resourceType: 'Observation', id: 'bad', code: { text: 'x' } }),
        line({ resourceType: 'Observation', id: 'o3', status: 'final', code: { text: 'x' }, subject: { reference: 'Patient/gone' } }),
        '{"resourceType":"Observation",',
      ].join('\n'),
    );
    const other = join(root, 'fhir', 'bundles');
    mkdirSync(other, { recursive: true });
    writeFileSync(
      join(other, 'b.json'),
      line({
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          { fullUrl: 'urn:uuid:x1', resource: { resourceType: 'Patient', id: 'p1' } },
          { fullUrl: 'urn:uuid:x2', resource: { resourceType: 'Condition', subject: { reference: 'urn:uuid:x1' }, code: { text: 'y' } } },
        ],
      }),
    );
    writeFileSync(join(other, 'cut.json'), '{"resourceType":"Bundle","entry":[');
    writeFileSync(join(other, 'notes.json'), '{"hello":"world"}');

    const r = await suite.run(root, {});
    assert.equal(r.documents, 4, 'three FHIR files plus the truncated one; notes.json is not FHIR');
    assert.equal(r.crashes, 0);
    assert.equal(r.failed, 1, 'the truncated bundle');
    const m = r.metrics as Record<string, any>;
    assert.equal(m.resources_in, 9);
    assert.equal(m.resources_stored, 7);
    assert.equal(m.resources_rejected, 2);
    assert.deepEqual(m.by_type.Observation, { in: 4, stored: 3, rejected: 1 });
    assert.deepEqual(m.by_type['(unparsable line)'], { in: 1, stored: 0, rejected: 1 });
    assert.deepEqual(m.by_type.Patient, { in: 3, stored: 3, rejected: 0 });
    // Patient/p1, Patient/p2, Observation/o1 across files of the bulk set; urn:uuid:x1 in the bundle; Patient/gone is absent.
    assert.equal(m.references_resolvable, 4);
    assert.equal(m.references_resolved, 4);
    assert.equal(m.references_not_in_input, 1);
    assert.equal(m.references_resolvable_in_file, 2, 'o2→o1 and the bundle reference');
    assert.equal(m.resources_valid_r4, 7);
    assert.equal(m.clinical_resources, 7);
    assert.equal(m.clinical_resources_with_person, 7);
    assert.deepEqual(m.files_skipped, [{ file: join('bundles', 'notes.json'), format: 'unknown' }]);
    assert.match(r.table ?? '', /^resourceType\s+in\s+stored\s+rejected/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('eval fhir scores types whose identifier is a single Identifier (AdverseEvent), and resolves references to them', async () => {
  const root = mkdtempSync(join(tmpdir(), 'vessel-eval-fhir-'));
  try {
    const set = join(root, 'fhir', 'spec-examples');
    mkdirSync(set, { recursive: true });
    writeFileSync(
      join(set, 'bundle.json'),
      line({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [
          { fullUrl: 'urn:uuid:p', resource: { resourceType: 'Patient', id: 'p' } },
          // AdverseEvent.identifier is 0..1 in R4: one object, not a list.
          { fullUrl: 'urn:uuid:ae', resource: { resourceType: 'AdverseEvent', id: 'ae', actuality: 'actual', identifier: { system: 'http://acme.example/risks', value: '49476534' }, subject: { reference: 'urn:uuid:p' } } },
          { fullUrl: 'urn:uuid:o', resource: { resourceType: 'Observation', status: 'final', code: { text: 'rash' }, subject: { reference: 'urn:uuid:p' }, focus: [{ reference: 'AdverseEvent?identifier=http://acme.example/risks|49476534' }] } },
        ],
      }),
    );
    const r = await suite.run(root, {});
    assert.equal(r.crashes, 0);
    const m = r.metrics as Record<string, any>;
    assert.deepEqual(m.by_type.AdverseEvent, { in: 1, stored: 1, rejected: 0 });
    assert.equal(m.references_resolvable, 3, 'two subjects and the conditional reference by the single identifier');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('eval fhir on the shared corpus: no crash, every resolvable reference resolved', { skip: !existsSync(join(corpus, 'fhir')) && 'shared corpus not present' }, async () => {
  const r = await suite.run(corpus, {});
  const m = r.metrics as Record<string, number>;
  assert.equal(r.crashes, 0);
  assert.ok(m.resources_in > 1000);
  assert.equal(m.resources_in, m.resources_stored + m.resources_rejected);
  assert.ok(m.references_resolvable > 0);
  assert.equal(m.references_resolved, m.references_resolvable);
  assert.equal(m.references_resolved_in_file, m.references_resolvable_in_file);
  assert.equal(m.clinical_resources_with_person, m.clinical_resources);
  assert.equal(m.resources_valid_r4, m.resources_stored);
});

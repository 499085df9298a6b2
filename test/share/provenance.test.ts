// Exports carry FHIR Provenance made from the provenance table: `vessel export` writes one per
// resource (target, source document as entity with where in it, author and organization as
// agents), on both dialects; every Provenance is R4-valid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Provenance, Resource } from '@medplum/fhirtypes';
import { DIALECTS, openTestVessel, postgresSkipReason, tempDir } from '../helpers/vessels.js';
import { cdaDocument } from '../../src/sources/ccda/test-helpers.js';
import { exportRecord } from '../../src/cli/export.js';
import { r4Validator } from '../../src/sources/fhir/r4-structure.js';
import { provenanceFor, DOCUMENT_SYSTEM, SOURCE_LOCATION_EXTENSION } from '../../src/share/provenance.js';

const problem = (id: string, code: string, name: string) => `<act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.3"/><id root="${id}"/><code code="CONC" codeSystem="2.16.840.1.113883.5.6"/><statusCode code="active"/>
<entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.4" extension="2015-08-01"/><id root="${id}-o"/>
<code code="55607006" codeSystem="2.16.840.1.113883.6.96" displayName="Problem"/><statusCode code="completed"/><effectiveTime><low value="2015"/></effectiveTime><value xsi:type="CD" code="${code}" codeSystem="2.16.840.1.113883.6.96" displayName="${name}"/></observation></entryRelationship></act>`;

const ccd = cdaDocument([{ template: '2.16.840.1.113883.10.20.22.2.5.1', code: '11450-4', title: 'Problems', text: '<list><item>Asthma</item><item>Hypertension</item></list>', entries: [problem('11111111-1111-4111-8111-111111111111', '195967001', 'Asthma'), problem('22222222-2222-4222-8222-222222222222', '38341003', 'Hypertension')] }]);

const readNdjson = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Resource) : []);

for (const dialect of DIALECTS) {
  test(`vessel export: a Provenance per resource, naming its source document, author, organization and entry (${dialect})`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
    const tv = await openTestVessel(dialect);
    t.after(() => tv.cleanup());
    const v = tv.vessel;
    await v.importer.importBytes(Buffer.from(ccd), 'summary-of-care.xml', { channel: 'cli' });
    await v.runJobsUntilIdle({ pollMs: 5 });
    const [doc] = await v.store.documents.list();
    assert.equal(doc.state, 'done', doc.error ?? '');
    const out = tempDir();
    const summary = await exportRecord(v, out);
    const fhirDir = path.join(out, 'fhir');
    const provenance = readNdjson(path.join(fhirDir, 'Provenance.ndjson')) as Provenance[];
    const resources = fs.readdirSync(fhirDir).filter((f) => f !== 'Provenance.ndjson').flatMap((f) => readNdjson(path.join(fhirDir, f)));
    assert.ok(resources.length >= 3, `exported ${resources.length} resources`);
    assert.equal(provenance.length, resources.length, 'one Provenance per resource');
    assert.equal(summary.resources.Provenance, provenance.length);

    const byTarget = new Map(provenance.map((p) => [p.target[0].reference!, p]));
    const originals = fs.readdirSync(path.join(out, 'originals'));
    for (const r of resources) {
      const p = byTarget.get(`${r.resourceType}/${r.id}`);
      assert.ok(p, `${r.resourceType}/${r.id} has a Provenance`);
      const what = p.entity![0].what;
      assert.deepEqual(what.identifier, { system: DOCUMENT_SYSTEM, value: doc.id });
      assert.ok(originals.includes(`${what.identifier!.value}-summary-of-care.xml`), 'the entity names the exported original');
      assert.equal(what.display, 'Summary of care (summary-of-care.xml)');
      assert.equal(p.agent[0].who.display, 'Henry Seven');
      assert.equal(p.agent[0].onBehalfOf?.display, 'Community Health and Hospitals');
      assert.equal(p.occurredDateTime, '2019-03-04T12:30:00-05:00');
      assert.equal(p.recorded, doc.createdAt);
    }
    const asthma = resources.find((r) => r.resourceType === 'Condition' && JSON.stringify(r).includes('Asthma'))!;
    const where = byTarget.get(`Condition/${asthma.id}`)!.entity![0].extension!.find((e) => e.url === SOURCE_LOCATION_EXTENSION)!;
    const xpath = where.extension!.find((e) => e.url === 'xpath')!.valueString!;
    assert.match(xpath, /^\/ClinicalDocument\/.*entry\[1\]/, 'the first problem entry');

    const r4 = await r4Validator();
    for (const p of provenance) assert.equal(r4(p), undefined, `Provenance R4-valid: ${r4(p)}`);
  });
}

test('a Provenance names Vessel as the assembler when the source names nobody; dates that are not dateTimes are left out', async () => {
  const p = provenanceFor('prov-x', 'Observation/x', { documentId: 'd1', filename: 'fax.pdf', receivedAt: '2024-05-06T07:08:09.000Z', date: 'March 2024', location: { page: 2, box: [0.1, 0.2, 0.3, 0.05] } });
  assert.deepEqual(p.agent, [{ type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type', code: 'assembler', display: 'Assembler' }] }, who: { display: 'Vessel' } }]);
  assert.equal(p.occurredDateTime, undefined);
  assert.deepEqual(p.entity![0].extension![0].extension!.map((e) => e.url), ['page', 'box']);
  assert.equal((await r4Validator())(p), undefined);
});

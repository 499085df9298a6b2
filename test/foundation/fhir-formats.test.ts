// FHIR files in the other shapes portals hand out (XML; UTF-16 and BOM-prefixed JSON/NDJSON) go
// through the same pipeline as FHIR JSON: validation, references, the patient, on both dialects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../helpers/vessels.js';
import { utf16 } from '../helpers/encodings.js';

const xmlBundle = `<?xml version="1.0" encoding="UTF-8"?>
<Bundle xmlns="http://hl7.org/fhir">
  <type value="collection"/>
  <entry>
    <fullUrl value="urn:uuid:5e1a0000-0000-4000-8000-000000000001"/>
    <resource><Patient><id value="px"/><name><family value="Okafor"/><given value="Ngozi"/></name><gender value="female"/><birthDate value="1975-11-30"/></Patient></resource>
  </entry>
  <entry>
    <fullUrl value="urn:uuid:5e1a0000-0000-4000-8000-000000000002"/>
    <resource><Observation><id value="ox"/><status value="final"/>
      <code><coding><system value="http://loinc.org"/><code value="2345-7"/><display value="Glucose"/></coding></code>
      <subject><reference value="urn:uuid:5e1a0000-0000-4000-8000-000000000001"/></subject>
      <effectiveDateTime value="2024-05-06"/>
      <valueQuantity><value value="101"/><unit value="mg/dL"/><system value="http://unitsofmeasure.org"/><code value="mg/dL"/></valueQuantity>
    </Observation></resource>
  </entry>
</Bundle>`;

for (const dialect of DIALECTS) {
  test(`FHIR XML through the pipeline on ${dialect}`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
    const tv = await openTestVessel(dialect);
    t.after(() => tv.cleanup());
    const v = tv.vessel;
    await v.importer.importBytes(Buffer.from(xmlBundle), 'portal-export.xml', { channel: 'cli' });
    await v.runJobsUntilIdle({ pollMs: 5 });
    const [doc] = await v.store.documents.list();
    assert.equal(doc.format, 'fhir-xml');
    assert.equal(doc.state, 'done', doc.error ?? '');
    const people = await v.store.people.list();
    assert.deepEqual(people.map((p) => [p.family, p.given, p.birthDate]), [['Okafor', 'Ngozi', '1975-11-30']]);
    const stored = await v.store.resources.list({ personId: people[0].id });
    assert.deepEqual(stored.map((r) => r.resourceType).sort(), ['Observation', 'Patient']);
    const obs = stored.find((r) => r.resourceType === 'Observation')!.resource as { subject?: { reference?: string }; valueQuantity?: { value?: number } };
    const patient = stored.find((r) => r.resourceType === 'Patient')!;
    assert.equal(obs.subject?.reference, `Patient/${patient.id}`, 'the urn:uuid reference is rewritten to the stored patient');
    assert.equal(obs.valueQuantity?.value, 101);
  });
}

test('UTF-16 NDJSON with BOM is imported; without BOM the document says which encoding it refuses', async (t) => {
  const tv = await openTestVessel('sqlite');
  t.after(() => tv.cleanup());
  const v = tv.vessel;
  const lines = [
    { resourceType: 'Patient', id: 'w1', name: [{ family: 'Şahin', given: ['Elif'] }], birthDate: '1990-04-05' },
    { resourceType: 'Condition', id: 'c1', subject: { reference: 'Patient/w1' }, code: { text: 'Migräne' } },
  ].map((r) => JSON.stringify(r)).join('\r\n') + '\r\n';
  await v.importer.importBytes(utf16(lines, 'le'), 'windows-export.ndjson', { channel: 'cli' });
  await v.importer.importBytes(utf16(lines, 'be', false), 'odd-export.ndjson', { channel: 'cli' });
  await v.runJobsUntilIdle({ pollMs: 5 });
  const byName = new Map((await v.store.documents.list()).map((d) => [d.filename, d]));
  const good = byName.get('windows-export.ndjson')!;
  assert.equal(good.format, 'fhir-ndjson');
  assert.equal(good.state, 'done', good.error ?? '');
  const [person] = await v.store.people.list();
  assert.equal(person.family, 'Şahin');
  const stored = await v.store.resources.list({ documentId: good.id });
  assert.deepEqual(stored.map((r) => r.resourceType).sort(), ['Condition', 'Patient']);
  const bad = byName.get('odd-export.ndjson')!;
  assert.match(`${bad.error ?? ''} ${JSON.stringify(bad.issues ?? [])}`, /UTF-16 big-endian without a byte order mark.*Save it as UTF-8/);
  assert.deepEqual(await v.store.resources.list({ documentId: bad.id }), []);
});

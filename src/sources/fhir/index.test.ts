import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Extraction, Format } from '../../core/types.js';
import { bytesInput, collectParts, fileInput } from './file-input.js';
import { extractNdjson, fhirAdapter, PART_SIZE } from './index.js';
import { VAULT_CHILD } from './attachments.js';
import { FHIR_PATIENT_SYSTEM } from './subjects.js';

const fixtures = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures');

async function run(name: string, data: unknown, format?: Format): Promise<Extraction[]> {
  const text = typeof data === 'string' ? data : JSON.stringify(data);
  const input = bytesInput(name, text, format);
  return collectParts(fhirAdapter.extract(input));
}
async function one(data: unknown, name = 'in.json'): Promise<Extraction> {
  const parts = await run(name, data);
  assert.equal(parts.length, 1);
  return parts[0];
}
const types = (e: Extraction) => e.resources.map((r) => r.resource.resourceType);
const errors = (e: Extraction) => e.issues.filter((i) => i.severity === 'error');

const patient = (id: string, family: string) => ({ resourceType: 'Patient', id, name: [{ given: ['Kim'], family }], birthDate: '1970-02', gender: 'other' });
const obs = (id: string, subject: string) => ({ resourceType: 'Observation', id, status: 'final', code: { text: 'Heart rate' }, subject: { reference: subject }, valueQuantity: { value: 60, unit: '/min' } });

test('a single resource is one stored resource attached to its patient', async () => {
  const e = await one(obs('o1', 'Patient/p9'));
  assert.deepEqual(types(e), ['Observation']);
  assert.equal(e.resources[0].subject, 'p9');
  assert.deepEqual(e.subjects, { p9: { identifiers: [{ system: FHIR_PATIENT_SYSTEM, value: 'p9' }] } });
  assert.deepEqual(e.issues, []);
});

for (const type of ['collection', 'transaction', 'batch', 'searchset', 'history', 'message', 'document']) {
  test(`a ${type} Bundle yields its entries with their fullUrls, not the envelope`, async () => {
    const entries: unknown[] = [
      { fullUrl: 'urn:uuid:aaa', resource: patient('p1', 'Lee'), request: { method: 'POST', url: 'Patient' } },
      { fullUrl: 'urn:uuid:bbb', resource: obs('o1', 'urn:uuid:aaa'), request: { method: 'POST', url: 'Observation' } },
    ];
    if (type === 'message') entries.unshift({ fullUrl: 'urn:uuid:mh', resource: { resourceType: 'MessageHeader', eventCoding: { code: 'x' }, source: { endpoint: 'http://x' } } });
    if (type === 'document') entries.unshift({ fullUrl: 'urn:uuid:comp', resource: { resourceType: 'Composition', status: 'final', type: { text: 'Discharge summary' }, date: '2021-05-04', title: 'Discharge', author: [{ display: 'Dr. A' }] } });
    const e = await one({ resourceType: 'Bundle', type, entry: entries });
    assert.deepEqual(types(e).slice(-2), ['Patient', 'Observation']);
    const o = e.resources.find((r) => r.resource.resourceType === 'Observation')!;
    assert.equal(o.fullUrl, 'urn:uuid:bbb');
    assert.equal(o.location.entryId, 'urn:uuid:bbb');
    assert.equal(o.subject, 'p1', 'urn:uuid reference to the Patient entry attaches to that patient');
    assert.equal(e.subjects?.p1?.family, 'Lee');
    if (type === 'document') assert.deepEqual(e.label, { type: 'Discharge summary', date: '2021-05-04', title: 'Discharge', author: 'Dr. A' });
    assert.deepEqual(errors(e), []);
  });
}

test('searchset: next link and server outcome are reported, DELETE and response-only entries skipped', async () => {
  const e = await one({
    resourceType: 'Bundle',
    type: 'searchset',
    link: [{ relation: 'self', url: 'http://s/Observation?page=1' }, { relation: 'next', url: 'http://s/Observation?page=2' }],
    entry: [
      { fullUrl: 'http://s/Observation/o1', resource: obs('o1', 'Patient/p1'), search: { mode: 'match' } },
      { resource: { resourceType: 'OperationOutcome', issue: [{ severity: 'warning', code: 'incomplete', diagnostics: 'too many results' }] }, search: { mode: 'outcome' } },
      { request: { method: 'DELETE', url: 'Observation/o2' } },
      { response: { status: '200 OK' } },
    ],
  });
  assert.deepEqual(types(e), ['Observation']);
  assert.ok(e.issues.some((i) => i.code === 'bundle-paged' && i.message.includes('page=2')));
  assert.ok(e.issues.some((i) => i.code === 'search-outcome' && i.message.includes('too many results')));
  assert.ok(e.issues.some((i) => i.code === 'bundle-entry-without-resource' && i.message.startsWith('2 ')));
});

test('nested Bundles are flattened with a path to each entry', async () => {
  const inner = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: obs('o2', 'Patient/p1') }] };
  const e = await one({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: patient('p1', 'Lee') }, { resource: inner }] });
  assert.deepEqual(types(e), ['Patient', 'Observation']);
  assert.equal(e.resources[1].location.entryId, 'Bundle.entry[1].entry[0]');
});

test('a transaction PUT names the id of a resource that has none', async () => {
  const { id, ...noId } = patient('x', 'Lee');
  const e = await one({ resourceType: 'Bundle', type: 'transaction', entry: [{ resource: noId, request: { method: 'PUT', url: 'Patient/p42' } }] });
  assert.equal(e.resources[0].resource.id, 'p42');
  assert.equal(e.resources[0].subject, 'p42');
  assert.ok(id);
});

test('NDJSON streams in parts, keeps line numbers, reports a bad line and keeps the rest', async () => {
  const n = PART_SIZE * 2 + 500;
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) lines.push(JSON.stringify(obs(`o${i}`, `Patient/p${i % 3}`)));
  lines[9] = '{"resourceType":"Observation","id":"broken",'; // line 10 is cut short
  lines.splice(20, 0, ''); // a blank line 21 still counts as a line
  const parts = await run('Observation.ndjson', lines.join('\r\n') + '\n', 'fhir-ndjson');
  assert.equal(parts.length, 3, 'parts of PART_SIZE resources');
  const all = parts.flatMap((p) => p.resources);
  assert.equal(all.length, n - 1);
  const bad = parts.flatMap((p) => p.issues).filter((i) => i.severity === 'error');
  assert.equal(bad.length, 1);
  assert.equal(bad[0].code, 'invalid-json');
  assert.equal(bad[0].location?.line, 10);
  assert.match(bad[0].message, /line 10: truncated JSON/);
  assert.equal(all[0].location.line, 1);
  assert.equal(all.find((r) => r.resource.id === 'o11')?.location.line, 11);
  assert.equal(all.find((r) => r.resource.id === 'o21')?.location.line, 22, 'the blank line is counted');
  assert.equal(all.at(-1)?.location.line, n + 1);
  for (const p of parts) for (const r of p.resources) assert.ok(p.subjects?.[r.subject!], 'each part carries the subjects its resources use');
});

test('NDJSON sniffed as fhir-json (a bad line near the top) is still read line by line', async () => {
  const text = [JSON.stringify(obs('o1', 'Patient/p1')), '{"resourceType":', JSON.stringify(obs('o3', 'Patient/p1'))].join('\n');
  const parts = await run('Observation.ndjson', text);
  const all = parts.flatMap((p) => p.resources);
  assert.deepEqual(all.map((r) => [r.resource.id, r.location.line]), [['o1', 1], ['o3', 3]]);
  assert.equal(parts.flatMap((p) => p.issues).filter((i) => i.code === 'invalid-json' && i.location?.line === 2).length, 1);
});

test('Apple Health DSTU2 records are mapped to R4', async () => {
  const dir = join(fixtures, 'apple-health');
  const got: Record<string, Record<string, unknown>> = {};
  let patientKeys: string[] = [];
  for (const f of readdirSync(dir)) {
    const [e] = await collectParts(fhirAdapter.extract(fileInput(join(dir, f))));
    assert.deepEqual(errors(e), [], f);
    const r = e.resources[0];
    if (f.endsWith('-1.json')) got[r.resource.resourceType] = r.resource as unknown as Record<string, unknown>;
    else got[f] = r.resource as unknown as Record<string, unknown>;
    assert.equal(r.subject, 'ah-pat', `${f} attaches to the patient`);
    patientKeys = patientKeys.concat(Object.keys(e.subjects ?? {}));
  }
  assert.deepEqual([...new Set(patientKeys)], ['ah-pat']);
  const mr = got.MedicationRequest;
  assert.ok(mr, 'MedicationOrder became MedicationRequest');
  assert.equal(mr.intent, 'order');
  assert.equal(mr.authoredOn, '2016-03-02');
  assert.deepEqual(mr.subject, { reference: 'Patient/ah-pat' });
  assert.deepEqual(mr.requester, { display: 'Dr. Jane Roe' });
  assert.deepEqual(mr.reasonCode, [{ text: 'Hypertension' }]);
  assert.deepEqual(mr.note, [{ text: 'take in the morning' }]);
  assert.deepEqual((mr.dosageInstruction as any)[0].doseAndRate, [{ doseQuantity: { value: 1, unit: 'tablet' } }]);
  const c = got.Condition;
  assert.deepEqual(c.clinicalStatus, { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] });
  assert.deepEqual(c.verificationStatus, { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'confirmed' }] });
  assert.equal(c.recordedDate, '2016-03-02');
  assert.equal(c.onsetDateTime, '2015', 'partial date kept as given');
  assert.ok(Array.isArray(c.category));
  assert.equal(c.patient, undefined);
  const a = got.AllergyIntolerance;
  assert.equal(a.status, undefined);
  assert.equal((a.clinicalStatus as any).coding[0].code, 'active');
  assert.equal((a.verificationStatus as any).coding[0].code, 'confirmed');
  assert.equal(a.criticality, 'high');
  assert.deepEqual(a.category, ['medication']);
  assert.equal((a.code as any).text, 'Penicillin');
  assert.equal((a.reaction as any)[0].certainty, undefined);
  const imm = got.Immunization;
  assert.equal(imm.occurrenceDateTime, '2017-10-12');
  assert.equal(imm.primarySource, true);
  assert.equal(imm.wasNotGiven, undefined);
  assert.deepEqual(imm.performer, [{ actor: { display: 'Pharmacist' } }]);
  assert.deepEqual(imm.protocolApplied, [{ series: '2017-2018', doseNumberPositiveInt: 1 }]);
  const o = got.Observation;
  assert.ok(Array.isArray(o.category));
  assert.deepEqual(o.note, [{ text: 'fasting' }]);
  assert.deepEqual((o.referenceRange as any)[0].type, { text: 'normal' });
  assert.equal((o.interpretation as any)[0].text, 'High');
  const pr = got.Procedure;
  assert.deepEqual(pr.bodySite, [{ text: 'Appendix' }]);
  assert.deepEqual(pr.performer, [{ actor: { display: 'Dr. Cut' }, function: { text: 'Surgeon' } }]);
  assert.deepEqual(pr.reasonCode, [{ text: 'Appendicitis' }]);
  assert.deepEqual(pr.note, [{ text: 'no complications' }]);
  assert.equal(pr.performedDateTime, '2009-06');
  const ms = got.MedicationStatement;
  assert.deepEqual(ms.subject, { reference: 'Patient/ah-pat' });
  assert.deepEqual(ms.reasonCode, [{ text: 'Type 2 diabetes' }]);
  assert.deepEqual((ms.dosage as any)[0].doseAndRate, [{ doseQuantity: { value: 500, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } }]);
  assert.equal((ms.dosage as any)[0].timing.repeat.periodUnit, 'd');
  const dr = got.DiagnosticReport;
  assert.deepEqual(dr.performer, [{ display: 'Main Lab' }]);
  assert.deepEqual(dr.basedOn, [{ reference: 'DiagnosticOrder/do-1' }]);
  assert.deepEqual(dr.conclusionCode, [{ text: 'Normal' }]);
  const enc = got.Encounter;
  assert.deepEqual(enc.class, { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'outpatient' });
  assert.deepEqual(enc.diagnosis, [{ condition: { reference: 'Condition/cond-1' } }]);
  assert.deepEqual(enc.reasonCode, [{ text: 'Follow-up' }]);
  const imm2 = got['Immunization-2.json'];
  assert.equal(imm2.status, 'not-done');
  assert.equal(imm2.primarySource, false);
  assert.deepEqual(imm2.statusReason, { text: 'Patient refused' });
  const a2 = got['AllergyIntolerance-2.json'];
  assert.equal((a2.verificationStatus as any).coding[0].code, 'refuted');
  assert.equal(a2.criticality, 'low');
  assert.equal(a2.onsetDateTime, '2001');
  assert.deepEqual(a2.asserter, { display: 'Patient' });
  const c2 = got['Condition-2.json'];
  assert.equal((c2.clinicalStatus as any).coding[0].code, 'resolved');
  assert.equal(c2.verificationStatus, undefined, 'DSTU2 "unknown" has no R4 code');
  assert.equal(c2.abatementBoolean, undefined);
  assert.deepEqual(c2.note, [{ text: 'treated with rest' }]);
  const p = got.Patient;
  assert.deepEqual(p.generalPractitioner, [{ display: 'Dr. Jane Roe' }]);
  assert.deepEqual(p.name, [{ use: 'official', given: ['Ana', 'Maria'], family: 'Silva' }], 'DSTU2 family list becomes one string');
});

test('DSTU2 patient hints join the family array', async () => {
  const [e] = await collectParts(fhirAdapter.extract(fileInput(join(fixtures, 'apple-health', 'Patient-1.json'))));
  assert.deepEqual(e.subjects?.['ah-pat'], {
    given: ['Ana', 'Maria'],
    family: 'Silva',
    name: 'Ana Maria Silva',
    birthDate: '1980-04-09',
    gender: 'female',
    identifiers: [{ system: 'urn:oid:1.2.3.4', value: 'MRN-77' }, { system: FHIR_PATIENT_SYSTEM, value: 'ah-pat' }],
  });
});

test('invalid resources are rejected with their reason; the valid rest is stored', async () => {
  const bad = [
    { resourceType: 'Observation', id: 'no-status', code: { text: 'x' } },
    { resourceType: 'Condition', id: 'no-subject', code: { text: 'x' } },
    { resourceType: 'MedicationRequest', id: 'mr', status: 'active', subject: { reference: 'Patient/p1' }, medicationCodeableConcept: { text: 'x' } },
    { resourceType: 'Immunization', id: 'imm', status: 'completed', vaccineCode: { text: 'x' }, patient: { reference: 'Patient/p1' } },
    { resourceType: 'Encounter', id: 'enc', status: 'finished' },
    { resourceType: 'Procedure', id: 'proc', status: 'done', subject: { reference: 'Patient/p1' } },
    { resourceType: 'DiagnosticReport', id: 'dr', status: 'final', code: 'CBC' },
    { resourceType: 'AllergyIntolerance', id: 'ai' },
    { resourceType: 'Observaton', id: 'typo' },
    { resourceType: 'ProcedureRequest', id: 'old', status: 'active' },
    { id: 'no-type' },
    42,
  ];
  const e = await one({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: patient('p1', 'Lee') }, ...bad.map((resource) => ({ resource })), { resource: obs('ok', 'Patient/p1') }] });
  assert.deepEqual(types(e), ['Patient', 'Observation']);
  assert.equal(e.resources[1].resource.id, 'ok');
  const msgs = errors(e).map((i) => i.message);
  assert.equal(msgs.length, bad.length);
  assert.ok(errors(e).every((i) => i.code === 'invalid-resource'));
  const expect = [
    /^Observation\/no-status: missing status \(entry Bundle\.entry\[1\]\)$/,
    /^Condition\/no-subject: missing subject/,
    /^MedicationRequest\/mr: missing intent/,
    /^Immunization\/imm: missing occurrence\[x\]/,
    /^Encounter\/enc: missing class/,
    /^Procedure\/proc: status "done" is not an R4 Procedure status/,
    /^DiagnosticReport\/dr: code is not an object/,
    /^AllergyIntolerance\/ai: missing patient/,
    /^Observaton\/typo: unknown resourceType "Observaton"/,
    /^ProcedureRequest\/old: unknown resourceType "ProcedureRequest" \(a DSTU2\/STU3 type; R4 replaced it with ServiceRequest/,
    /^\(no resourceType\)\/no-type: no resourceType/,
    /^\(no resourceType\): not a JSON object \(number\) \(entry Bundle\.entry\[12\]\)/,
  ];
  expect.forEach((re, i) => assert.match(msgs[i], re));
});

test('invalid dates are dropped with a warning; partial dates are kept', async () => {
  const o = { ...obs('o1', 'Patient/p1'), effectiveDateTime: '2008-03-19T08:30:-0800', issued: '2008-03-19T08:30:00Z', effectivePeriod: undefined };
  const e = await one({ ...o, referenceRange: [{}], note: [], meta: { lastUpdated: '2020' } });
  const r = e.resources[0].resource as unknown as Record<string, unknown>;
  assert.equal(r.effectiveDateTime, undefined);
  assert.equal(r.issued, '2008-03-19T08:30:00Z');
  assert.equal((r.meta as any).lastUpdated, '2020');
  assert.equal(r.referenceRange, undefined, 'empty objects and arrays are not emitted');
  assert.equal(r.note, undefined);
  assert.ok(e.issues.some((i) => i.code === 'invalid-date' && i.message.includes('Observation.effectiveDateTime')));
});

test('attachments go to children (their text is read there, not repeated on the FHIR file); the stored copy names the child', async () => {
  const note = 'Patient seen for follow-up.\nBP stable.';
  const pdf = Buffer.from('%PDF-1.4 fake');
  const e = await one({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { resource: { resourceType: 'DocumentReference', id: 'd1', status: 'current', subject: { reference: 'Patient/p1' }, content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: Buffer.from(note).toString('base64') } }, { attachment: { contentType: 'application/pdf', data: pdf.toString('base64'), title: 'scan' } }] } },
      { resource: { resourceType: 'DiagnosticReport', id: 'r1', status: 'final', code: { text: 'Path' }, presentedForm: [{ contentType: 'text/html', data: Buffer.from('<html><body><p>Benign &amp; clear</p><script>x()</script></body></html>').toString('base64') }] } },
      { resource: { resourceType: 'Media', id: 'm1', status: 'completed', content: { contentType: 'image/png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]).toString('base64') } } },
      { resource: { resourceType: 'Binary', id: 'b1', contentType: 'application/pdf', data: pdf.toString('base64') } },
    ],
  });
  assert.deepEqual(e.children?.map((c) => [c.name, c.relation]), [
    ['DocumentReference-d1-1.txt', 'attachment'],
    ['DocumentReference-d1-2.pdf', 'attachment'],
    ['DiagnosticReport-r1-1.html', 'attachment'],
    ['Media-m1-1.png', 'attachment'],
    ['Binary-b1-1.pdf', 'attachment'],
  ]);
  assert.equal(Buffer.from(e.children![0].bytes).toString(), note);
  assert.deepEqual(Buffer.from(e.children![1].bytes), pdf);
  assert.equal(e.pages, undefined, 'note text is searchable on the note, not twice');
  const doc = e.resources[0].resource as any;
  assert.equal(doc.content[0].attachment.data, undefined, 'base64 is not kept in the store');
  assert.deepEqual(doc.content[0].attachment.extension, [{ url: VAULT_CHILD, valueString: 'DocumentReference-d1-1.txt' }]);
  assert.equal(doc.content[0].attachment.size, Buffer.byteLength(note));
  assert.equal(doc.content[1].attachment.title, 'scan');
  const bin = e.resources[3].resource as any;
  assert.equal(bin.data, undefined);
  assert.deepEqual(bin.meta.tag, [{ system: VAULT_CHILD, code: 'Binary-b1-1.pdf' }]);
});

test('a bundle with several patients attaches each resource to its own person', async () => {
  const e = await one({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { fullUrl: 'urn:uuid:p-a', resource: patient('a', 'Alpha') },
      { fullUrl: 'urn:uuid:p-b', resource: { ...patient('b', 'Beta'), identifier: [{ system: 'urn:mrn', value: '123' }] } },
      { resource: obs('o1', 'urn:uuid:p-a') },
      { resource: obs('o2', 'Patient/b') },
      { resource: { resourceType: 'Coverage', id: 'c1', status: 'active', beneficiary: { reference: 'urn:uuid:p-b' }, payor: [{ display: 'Acme' }] } },
      { resource: { resourceType: 'Condition', id: 'c2', subject: { reference: 'Patient/zzz' }, code: { text: 'x' } } },
      { resource: { resourceType: 'Organization', id: 'org', name: 'Clinic' } },
    ],
  });
  assert.deepEqual(e.resources.map((r) => [r.resource.id, r.subject]), [['a', 'a'], ['b', 'b'], ['o1', 'a'], ['o2', 'b'], ['c1', 'b'], ['c2', 'zzz'], ['org', undefined]]);
  assert.equal(e.subjects?.a.family, 'Alpha');
  assert.deepEqual(e.subjects?.b.identifiers, [{ system: 'urn:mrn', value: '123' }, { system: FHIR_PATIENT_SYSTEM, value: 'b' }]);
  assert.deepEqual(e.subjects?.zzz, { identifiers: [{ system: FHIR_PATIENT_SYSTEM, value: 'zzz' }] }, 'a patient not in the input is named by its source id');
});

test('truncated JSON is a clear error and nothing is imported', async () => {
  const [e] = await collectParts(fhirAdapter.extract(fileInput(join(fixtures, 'truncated-bundle.json'))));
  assert.deepEqual(e.resources, []);
  assert.equal(e.issues.length, 1);
  assert.equal(e.issues[0].severity, 'error');
  assert.equal(e.issues[0].code, 'invalid-json');
  assert.match(e.issues[0].message, /^truncated-bundle\.json: truncated JSON/);
});

test('HTML served instead of JSON is named as such', async () => {
  const e = await one('<html><body>Login required</body></html>', 'Patient.json');
  assert.deepEqual(e.resources, []);
  assert.match(e.issues[0].message, /not JSON: the content starts with "<html>/);
});

test('malformed JSON says where', async () => {
  const e = await one('{"resourceType": "Patient",\n  "id": "p1" "gender": "male"}');
  assert.match(e.issues[0].message, /malformed JSON at line 2, column \d+/);
});

test('STU3 shapes that differ from R4 are mapped too', async () => {
  const e = await one({
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { resource: { resourceType: 'AllergyIntolerance', id: 'a', patient: { reference: 'Patient/p' }, clinicalStatus: 'active', verificationStatus: 'confirmed', code: { text: 'Peanut' } } },
      { resource: { resourceType: 'Observation', id: 'o', status: 'final', code: { text: 'x' }, subject: { reference: 'Patient/p' }, context: { reference: 'Encounter/e1' } } },
      { resource: { resourceType: 'Immunization', id: 'i', status: 'completed', notGiven: true, patient: { reference: 'Patient/p' }, vaccineCode: { text: 'Flu' }, date: '2018-10' } },
      { resource: { resourceType: 'MedicationRequest', id: 'm', status: 'active', intent: 'order', subject: { reference: 'Patient/p' }, medicationCodeableConcept: { text: 'x' }, requester: { agent: { reference: 'Practitioner/d' } } } },
    ],
  });
  assert.deepEqual(errors(e), []);
  const [a, o, i, m] = e.resources.map((x) => x.resource as any);
  assert.equal(a.clinicalStatus.coding[0].code, 'active');
  assert.equal(a.verificationStatus.coding[0].code, 'confirmed');
  assert.deepEqual(o.encounter, { reference: 'Encounter/e1' });
  assert.equal(o.context, undefined);
  assert.equal(i.status, 'not-done');
  assert.equal(i.occurrenceDateTime, '2018-10');
  assert.deepEqual(m.requester, { reference: 'Practitioner/d' });
});

test('an R4 resource passes through the DSTU2 mapper unchanged', async () => {
  const r4 = { resourceType: 'Condition', id: 'c', clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] }, category: [{ text: 'problem' }], subject: { reference: 'Patient/p' }, encounter: { reference: 'Encounter/e' }, code: { text: 'Asthma' }, recordedDate: '2020-01-02' };
  const e = await one(r4);
  assert.deepEqual(e.resources[0].resource, r4);
  assert.ok(!e.issues.some((i) => i.code === 'dstu2-mapped'));
});

test('a long EHR id (over 64 characters) is kept and still names the patient', async () => {
  const long = 'eyAuU-.rNOnXORp4ZYhTF9fIYRqy2QC-Wadks-LdXCmL52qV2zS15b0ZSVF-mctcpgsc6n37y7C9';
  const e = await one(obs('o1', `Patient/${long}`));
  assert.equal(e.resources[0].subject, long);
});

test('a Patient without id is keyed by the id its fullUrl names, so relative references find it', async () => {
  const { id, ...p } = patient('x', 'Noid');
  const e = await one({ resourceType: 'Bundle', type: 'searchset', entry: [{ fullUrl: 'https://ehr.example/fhir/Patient/77', resource: p }, { fullUrl: 'https://ehr.example/fhir/Observation/1', resource: obs('1', 'Patient/77') }] });
  assert.deepEqual(e.resources.map((r) => r.subject), ['77', '77']);
  assert.deepEqual(e.subjects?.['77'].identifiers, [{ system: FHIR_PATIENT_SYSTEM, value: '77' }]);
  assert.ok(id);
});

test('NDJSON parts are also cut by attachment size, so big scans stay bounded', async () => {
  const doc = (i: number) => JSON.stringify({ resourceType: 'DocumentReference', id: `d${i}`, status: 'current', content: [{ attachment: { contentType: 'application/pdf', data: Buffer.alloc(3000, i).toString('base64') } }] });
  const input = bytesInput('DocumentReference.ndjson', [1, 2, 3, 4, 5].map(doc).join('\n'), 'fhir-ndjson');
  const parts = await collectParts(extractNdjson(input, undefined, { resources: 1000, bytes: 5000 }));
  assert.deepEqual(parts.map((p) => p.children?.length), [2, 2, 1]);
  assert.deepEqual(parts.flatMap((p) => p.resources.map((r) => r.location.line)), [1, 2, 3, 4, 5]);
});

test('a resource repeated in one input is stored once (history Bundles: the newest, listed first)', async () => {
  const v2 = { ...obs('o1', 'Patient/p1'), valueQuantity: { value: 72, unit: '/min' } };
  const e = await one({ resourceType: 'Bundle', type: 'history', entry: [{ resource: v2 }, { resource: obs('o1', 'Patient/p1') }] });
  assert.equal(e.resources.length, 1);
  assert.equal((e.resources[0].resource as any).valueQuantity.value, 72);
  assert.ok(e.issues.some((i) => i.code === 'duplicate-resource' && i.message.startsWith('Observation/o1: appears again')));
});

test('a UTF-16 file with a byte order mark is read', async () => {
  const text = JSON.stringify(patient('u16', 'Müller'));
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const [e] = await collectParts(fhirAdapter.extract(bytesInput('p.json', bytes, 'fhir-json')));
  assert.equal(e.subjects?.u16.family, 'Müller');
});

test('NDJSON and JSON saved as UTF-16 with BOM (both byte orders) or with a UTF-8 BOM import like UTF-8; other encodings get a clear error', async () => {
  const { utf16, utf8bom } = await import('../../../test/helpers/encodings.js');
  const lines = [patient('pu', 'Ünal'), obs('ou1', 'Patient/pu'), obs('ou2', 'Patient/pu')].map((r) => JSON.stringify(r)).join('\r\n') + '\r\n';
  const plain = await collectParts(fhirAdapter.extract(bytesInput('u.ndjson', lines)));
  const expected = plain.flatMap((p) => p.resources.map((r) => [r.resource, r.location]));
  assert.equal(expected.length, 3);
  for (const [name, bytes] of [['le', utf16(lines, 'le')], ['be', utf16(lines, 'be')], ['utf8 bom', utf8bom(lines)]] as const) {
    const input = bytesInput('u.ndjson', bytes);
    assert.equal(input.format, 'fhir-ndjson', name);
    const parts = await collectParts(fhirAdapter.extract(input));
    assert.deepEqual(parts.flatMap((p) => p.resources.map((r) => [r.resource, r.location])), expected, `${name}: same resources and line numbers`);
    assert.deepEqual(parts.flatMap((p) => p.issues), [], name);
  }
  const json = JSON.stringify(patient('pj', 'Łukasz'));
  for (const bytes of [utf16(json, 'le'), utf16(json, 'be'), utf8bom(json)]) {
    const [e] = await collectParts(fhirAdapter.extract(bytesInput('p.json', bytes)));
    assert.deepEqual(types(e), ['Patient']);
    assert.deepEqual((e.resources[0].resource as { name?: unknown }).name, patient('pj', 'Łukasz').name);
  }
  for (const [bytes, format] of [[utf16(lines, 'le', false), 'fhir-ndjson'], [utf16(json, 'be', false), 'fhir-json']] as const) {
    const parts = await collectParts(fhirAdapter.extract(bytesInput('bad', bytes)));
    assert.equal(bytesInput('bad', bytes).format, format);
    const errs = parts.flatMap(errors);
    assert.deepEqual(errs.map((i) => i.code), ['unsupported-encoding']);
    assert.match(errs[0].message, /UTF-16 .*without a byte order mark.*Save it as UTF-8/);
    assert.deepEqual(parts.flatMap((p) => p.resources), []);
  }
});

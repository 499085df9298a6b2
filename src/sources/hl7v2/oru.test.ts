import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DiagnosticReport, Observation } from '@medplum/fhirtypes';
import { extractHl7 } from './index.js';
import { checkResource } from './validate.js';

const MSH = 'MSH|^~\\&|LAB|FAC|EHR|FAC|20200304130000-0500||ORU^R01^ORU_R01|C1|P|2.5.1';
const run = (...segs: string[]) => extractHl7([MSH, 'PID|1||42^^^LAB^MR||DOE^JANE||19700101|F', ...segs].join('\r'));
const obs = (e: ReturnType<typeof run>) => e.resources.filter((r) => r.resource.resourceType === 'Observation').map((r) => r.resource as Observation);

test('ORU^R01: a DiagnosticReport per OBR with its Observations, each with segment and line', () => {
  const e = run(
    'ORC|RE|P1|F1',
    'OBR|1|P1|F1|24323-8^Comprehensive metabolic panel^LN|||20200304083000-0500|||||||||||||||20200304120000-0500|||F',
    'OBX|1|NM|2345-7^Glucose^LN||95|mg/dL^mg/dL^UCUM|70-99|N|||F|||20200304090000-0500',
    'OBX|2|NM|2160-0^Creatinine^LN||1.4|mg/dL|0.6-1.2|H|||F',
    'NTE|1||Repeat advised',
    'OBR|2|P2|F2|5767-9^Urine appearance^LN|||20200304084500',
    'OBX|1|ST|5767-9^Appearance^LN||Clear||||||F',
  );
  assert.deepEqual(e.issues, []);
  const reports = e.resources.filter((r) => r.resource.resourceType === 'DiagnosticReport');
  assert.deepEqual(reports.map((r) => r.location), [{ segment: 'OBR[1]', line: 4 }, { segment: 'OBR[2]', line: 8 }]);
  const r1 = reports[0].resource as DiagnosticReport;
  assert.equal(r1.status, 'final');
  assert.equal(r1.effectiveDateTime, '2020-03-04T08:30:00-05:00');
  assert.equal(r1.issued, '2020-03-04T12:00:00-05:00');
  assert.deepEqual(r1.result, [{ reference: 'Observation/m1-obx1' }, { reference: 'Observation/m1-obx2' }]);
  assert.equal((reports[1].resource as DiagnosticReport).effectiveDateTime, '2020-03-04', 'no zone → date only');
  const [glu, cre, app] = obs(e);
  assert.deepEqual(glu.code.coding?.[0], { code: '2345-7', system: 'http://loinc.org', display: 'Glucose' });
  assert.deepEqual(glu.valueQuantity, { value: 95, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' });
  assert.deepEqual(glu.referenceRange, [{ low: { value: 70, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' }, high: { value: 99, unit: 'mg/dL', system: 'http://unitsofmeasure.org', code: 'mg/dL' }, text: '70-99' }]);
  assert.equal(glu.effectiveDateTime, '2020-03-04T09:00:00-05:00', 'OBX-14 wins');
  assert.equal(cre.effectiveDateTime, '2020-03-04T08:30:00-05:00', 'OBR-7 when OBX-14 is empty');
  assert.equal(cre.interpretation?.[0].coding?.[0].code, 'H');
  assert.deepEqual(cre.note, [{ text: 'Repeat advised' }]);
  assert.equal(cre.valueQuantity?.code, 'mg/dL', 'a known unit spelling becomes UCUM');
  assert.equal(app.valueString, 'Clear');
  assert.equal(e.resources.find((r) => r.resource.id === 'm1-obx3')?.location.segment, 'OBX[3]');
  for (const r of e.resources) assert.deepEqual(checkResource(r.resource), [], r.resource.id);
});

test('OBX value types: SN, CE/CWE, DT/TS, TX/FT, NM with comparator, status and flags', () => {
  const e = run(
    'OBR|1||F|X^Panel^L',
    'OBX|1|SN|A^a^L||>^100|mL/min||||||F',
    'OBX|2|SN|B^b^L||^10^-^20|g/L|||||C',
    'OBX|3|SN|C^c^L||^1^:^128||||||P',
    'OBX|4|CWE|94500-6^SARS-CoV-2 RNA^LN||260373001^Detected^SCT||Not detected|A^Abnormal^HL70078~H|||F',
    'OBX|5|DT|D^d^L||20200301||||||F',
    'OBX|6|TS|E^e^L||20200301101500+0100||||||F',
    'OBX|7|FT|F^f^L||line one\\.br\\line two~line three||||||F',
    'OBX|8|NM|G^g^L||<0.5|ng/mL|<1.0|N|||X',
    'OBX|9|NM|H^h^L||||||||X',
    'OBX|10|TX|I^i^L||a \\T\\ b||||||W',
  );
  const o = obs(e);
  assert.deepEqual(o[0].valueQuantity, { value: 100, comparator: '>', unit: 'mL/min' });
  assert.deepEqual(o[1].valueRange, { low: { value: 10, unit: 'g/L' }, high: { value: 20, unit: 'g/L' } });
  assert.equal(o[1].status, 'corrected');
  assert.deepEqual(o[2].valueRatio, { numerator: { value: 1 }, denominator: { value: 128 } });
  assert.equal(o[2].status, 'preliminary');
  assert.deepEqual(o[3].valueCodeableConcept?.coding, [{ code: '260373001', system: 'http://snomed.info/sct', display: 'Detected' }]);
  assert.deepEqual(o[3].interpretation?.map((i) => i.coding?.[0].code), ['A', 'H']);
  assert.deepEqual(o[3].referenceRange, [{ text: 'Not detected' }]);
  assert.equal(o[4].valueDateTime, '2020-03-01');
  assert.equal(o[5].valueDateTime, '2020-03-01T10:15:00+01:00');
  assert.equal(o[6].valueString, 'line one\nline two\nline three');
  assert.deepEqual(o[7].valueQuantity, { value: 0.5, comparator: '<', unit: 'ng/mL', system: 'http://unitsofmeasure.org', code: 'ng/mL' });
  assert.deepEqual(o[7].referenceRange?.[0].high?.value, 1);
  assert.equal(o[7].status, 'cancelled');
  assert.equal(o[8].dataAbsentReason?.coding?.[0].code, 'not-performed');
  assert.equal(o[9].valueString, 'a & b');
  assert.equal(o[9].status, 'entered-in-error');
  for (const r of e.resources) assert.deepEqual(checkResource(r.resource), [], r.resource.id);
});

test('OBX before any OBR, without a code, or with a bad number still gives an Observation', () => {
  const e = run('OBX|1|NM|||12', 'OBX|2|NM|K^k^L||high', 'OBR|1||F|X^Panel^L', 'OBX|3|NM|Z^z^L||5||||||F|||2020')
  ;
  const o = obs(e);
  assert.equal(o.length, 3);
  assert.equal(o[0].code.text, 'Observation 1 (no identifier)');
  assert.equal(o[1].valueString, 'high');
  assert.deepEqual(e.issues.map((i) => i.code).sort(), ['bad-number', 'missing-code']);
  assert.equal(o[2].effectiveDateTime, '2020');
});

test('ED in a result → DocumentReference, a child file and the report presentedForm', () => {
  const pdf = Buffer.from('%PDF-1.4 tiny').toString('base64');
  const e = run('OBR|1||F|11502-2^Lab report^LN', `OBX|1|ED|11502-2^Lab report^LN||LAB^application^pdf^Base64^${pdf}||||||F`);
  assert.equal(e.children?.length, 1);
  assert.equal(Buffer.from(e.children![0].bytes).toString(), '%PDF-1.4 tiny');
  const report = e.resources.find((r) => r.resource.resourceType === 'DiagnosticReport')!.resource as DiagnosticReport;
  assert.equal(report.presentedForm?.[0].contentType, 'application/pdf');
  const doc = e.resources.find((r) => r.resource.resourceType === 'DocumentReference')!;
  assert.equal(doc.location.segment, 'OBX[1]');
  assert.ok(!JSON.stringify(doc.resource).includes(pdf), 'base64 is not kept inline');
});

test('SPM → Specimen, referenced from the report and its results', () => {
  const e = run('OBR|1||F|94558-4^SARS-CoV-2 Ag^LN', 'OBX|1|CWE|94558-4^SARS-CoV-2 Ag^LN||260415000^Not detected^SCT||||||F', 'SPM|1|S1&LAB&1.2.3&ISO^F1||258500001^Nasopharyngeal swab^SCT||||71836000^Nasopharyngeal structure^SCT|||||||||20210209083000-0600|20210209100000-0600');
  const spec = e.resources.find((r) => r.resource.resourceType === 'Specimen')!;
  assert.equal(spec.location.segment, 'SPM[1]');
  const s = spec.resource as import('@medplum/fhirtypes').Specimen;
  assert.deepEqual(s.identifier, [{ value: 'S1', system: 'urn:oid:1.2.3' }, { value: 'F1' }]);
  assert.equal(s.type?.coding?.[0].code, '258500001');
  assert.equal(s.collection?.collectedDateTime, '2021-02-09T08:30:00-06:00');
  assert.equal(s.receivedTime, '2021-02-09T10:00:00-06:00');
  const report = e.resources.find((r) => r.resource.resourceType === 'DiagnosticReport')!.resource as DiagnosticReport;
  assert.deepEqual(report.specimen, [{ reference: 'Specimen/m1-spm1' }]);
  assert.deepEqual(obs(e)[0].specimen, { reference: 'Specimen/m1-spm1' });
  for (const r of e.resources) assert.deepEqual(checkResource(r.resource), [], r.resource.id);
});

test('an ORU with two PATIENT_RESULT groups puts each result on its own patient', () => {
  const e = extractHl7([MSH, 'PID|1||A1^^^LAB||ONE^PAT', 'OBR|1||F1|X^x^L', 'OBX|1|NM|X^x^L||1', 'PID|2||B2^^^LAB||TWO^PAT', 'OBR|1||F2|X^x^L', 'OBX|1|NM|X^x^L||2'].join('\r'));
  assert.deepEqual(Object.keys(e.subjects!), ['LAB|A1', 'LAB|B2']);
  const o = e.resources.filter((r) => r.resource.resourceType === 'Observation');
  assert.deepEqual(o.map((r) => [r.location.segment, r.subject, (r.resource as Observation).subject?.reference]), [
    ['OBX[1]', 'LAB|A1', 'Patient/m1-pid1'],
    ['OBX[2]', 'LAB|B2', 'Patient/m1-pid2'],
  ]);
  assert.deepEqual(e.issues, []);
});

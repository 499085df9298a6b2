import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DiagnosticReport, Observation } from '@medplum/fhirtypes';
import { mapResultEntry } from './results.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

const component = (value: string, extra = '') => `<component><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.2"/><id root="107c2dc0-67a5-11db-bd13-0800200c9a66"/>
<code code="718-7" codeSystem="2.16.840.1.113883.6.1" displayName="Hemoglobin"/><statusCode code="completed"/><effectiveTime value="200003231430-0700"/>${value}${extra}</observation></component>`;
const organizer = (components: string) => `<organizer classCode="BATTERY" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.1"/><id root="7d5a02b0-67a4-11db-bd13-0800200c9a66"/>
<code code="57021-8" codeSystem="2.16.840.1.113883.6.1" displayName="CBC W Auto Differential panel"/><statusCode code="completed"/><effectiveTime value="200003231430"/>${components}</organizer>`;
const range = `<interpretationCode code="N" codeSystem="2.16.840.1.113883.5.83"/><referenceRange><observationRange><text>M 13-18 g/dl; F 12-16 g/dl</text><value xsi:type="IVL_PQ"><low value="12" unit="g/dL"/><high value="16" unit="g/dL"/></value></observationRange></referenceRange>`;

test('a result organizer becomes a DiagnosticReport referencing its Observations', () => {
  const out = mapResultEntry(fragment(organizer(component('<value xsi:type="PQ" value="13.2" unit="g/dL"/>', range) + component('<value xsi:type="PQ" value="5.1" unit="10*3/uL"/>'))), testContext());
  const report = out[0] as DiagnosticReport;
  const obs = out.slice(1) as Observation[];
  assert.equal(report.resourceType, 'DiagnosticReport');
  assert.equal(report.code.coding?.[0].code, '57021-8');
  assert.equal(report.status, 'final');
  assert.equal(obs.length, 2);
  assert.deepEqual(report.result?.map((r) => r.reference), obs.map((o) => `Observation/${o.id}`));
  const hb = obs[0];
  assert.deepEqual(hb.valueQuantity, { value: 13.2, unit: 'g/dL', system: 'http://unitsofmeasure.org', code: 'g/dL' });
  assert.equal(hb.effectiveDateTime, '2000-03-23T14:30:00-07:00');
  assert.equal(hb.interpretation?.[0].coding?.[0].code, 'N');
  assert.equal(hb.referenceRange?.[0].low?.value, 12);
  assert.equal(hb.referenceRange?.[0].text, 'M 13-18 g/dl; F 12-16 g/dl');
  assert.equal(hb.category?.[0].coding?.[0].code, 'laboratory');
  assert.equal(report.effectiveDateTime, '2000-03-23', 'organizer time without zone keeps only the date');
});

test('free-text units are kept as text without a UCUM code', () => {
  const [, o] = mapResultEntry(fragment(organizer(component('<value xsi:type="PQ" value="7" unit="cells per hpf"/>'))), testContext()) as Observation[];
  assert.deepEqual(o.valueQuantity, { value: 7, unit: 'cells per hpf' });
});

test('string values may point into the narrative; non-numeric PQ values become strings', () => {
  const ctx = testContext({ res1: 'Negative for malignancy' });
  const [, st, pq] = mapResultEntry(fragment(organizer(component('<value xsi:type="ST"><reference value="#res1"/></value>') + component('<value xsi:type="PQ" value="&lt;5" unit="mg/dL"/>'))), ctx) as Observation[];
  assert.equal(st.valueString, 'Negative for malignancy');
  assert.equal(pq.valueString, '<5 mg/dL');
});

test('an empty reference range never produces an empty object', () => {
  const [, o] = mapResultEntry(fragment(organizer(component('<value xsi:type="PQ" value="1" unit="mg"/>', '<referenceRange><observationRange><value xsi:type="IVL_PQ" nullFlavor="NI"/></observationRange></referenceRange>'))), testContext()) as Observation[];
  assert.equal(o.referenceRange, undefined);
});

test('a unitless interval value (IVL_REAL / IVL_INT, as Epic sends a span) becomes a valueRange', () => {
  const ivl = (t: string) => `<value xsi:type="${t}"><low value="8142"/><high value="8588"/></value>`;
  for (const t of ['IVL_REAL', 'IVL_INT']) {
    const [, o] = mapResultEntry(fragment(organizer(component(ivl(t)))), testContext()) as Observation[];
    assert.deepEqual(o.valueRange, { low: { value: 8142 }, high: { value: 8588 } }, t);
  }
  // No xsi:type at all, but the shape of an interval.
  const [, bare] = mapResultEntry(fragment(organizer(component('<value><low value="1" unit="mg"/><high value="2" unit="mg"/></value>'))), testContext()) as Observation[];
  assert.equal(bare.valueRange?.high?.value, 2);
});

test('an IHE XD-LAB laboratory specialty section (act → battery organizer) is read as results', async () => {
  const { extractCda } = await import('../extract.js');
  const { cdaDocument } = await import('../test-helpers.js');
  const xdlab = `<act classCode="ACT" moodCode="EVN"><templateId root="1.3.6.1.4.1.19376.1.3.1"/>
  <code code="18719-5" codeSystem="2.16.840.1.113883.6.1" displayName="Chemistry studies"/><statusCode code="completed"/>
  <entryRelationship typeCode="COMP"><organizer classCode="BATTERY" moodCode="EVN"><templateId root="1.3.6.1.4.1.19376.1.3.1.4"/>
  <statusCode code="completed"/><effectiveTime value="20160328104500+0200"/>
  <component><observation classCode="OBS" moodCode="EVN"><templateId root="1.3.6.1.4.1.19376.1.3.1.6"/>
  <code code="2345-7" codeSystem="2.16.840.1.113883.6.1" displayName="Glucose"/><statusCode code="completed"/>
  <value xsi:type="PQ" value="5.4" unit="mmol/L"/></observation></component></organizer></entryRelationship></act>`;
  for (const section of [
    { template: '1.3.6.1.4.1.19376.1.3.3.2.1', code: '18719-5', title: 'Chemie', entries: [xdlab] },
    { code: '18723-7', title: 'Hematology studies', entries: [xdlab] },
  ]) {
    const x = extractCda(Buffer.from(cdaDocument([section])), 'lab.xml');
    const report = x.resources.find((r) => r.resource.resourceType === 'DiagnosticReport')?.resource as DiagnosticReport | undefined;
    assert.ok(report, `a report for section ${section.code}`);
    const glucose = x.resources.find((r) => r.resource.resourceType === 'Observation')?.resource as Observation;
    assert.equal(glucose.category?.[0].coding?.[0].code, 'laboratory');
    assert.equal(glucose.valueQuantity?.value, 5.4);
    assert.equal(glucose.effectiveDateTime, '2016-03-28T10:45:00+02:00', 'the battery time dates its result');
    assert.deepEqual(report.result, [{ reference: `Observation/${glucose.id}` }]);
  }
});

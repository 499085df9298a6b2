import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Condition } from '@medplum/fhirtypes';
import { mapProblemEntry } from './problems.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

const problem = (inner: string, status = '', negation = '') => `<act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.3"/><code code="CONC" codeSystem="2.16.840.1.113883.5.6"/><statusCode code="active"/>
<entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN" ${negation}><templateId root="2.16.840.1.113883.10.20.22.4.4" extension="2015-08-01"/><id root="ab1791b0-5c71-11db-b0de-0800200c9a66"/>
<code code="55607006" codeSystem="2.16.840.1.113883.6.96" displayName="Problem"><translation code="75326-9" codeSystem="2.16.840.1.113883.6.1"/></code><statusCode code="completed"/>${inner}${status}</observation></entryRelationship></act>`;
const pneumonia = `<effectiveTime><low value="200803"/><high value="20080401"/></effectiveTime><value xsi:type="CD" code="233604007" codeSystem="2.16.840.1.113883.6.96" displayName="Pneumonia"><translation code="J18.9" codeSystem="2.16.840.1.113883.6.90"/></value>`;

test('a problem keeps SNOMED and ICD-10 codings, onset and abatement with their precision', () => {
  const [c] = mapProblemEntry(fragment(problem(pneumonia)), testContext()) as Condition[];
  assert.equal(c.code?.text, 'Pneumonia');
  assert.deepEqual(c.code?.coding?.map((x) => x.system), ['http://snomed.info/sct', 'http://hl7.org/fhir/sid/icd-10-cm']);
  assert.equal(c.onsetDateTime, '2008-03');
  assert.equal(c.abatementDateTime, '2008-04-01');
  assert.equal(c.clinicalStatus?.coding?.[0].code, 'resolved', 'an end date means resolved');
  assert.equal(c.category?.[0].coding?.[0].code, 'problem-list-item');
});

test('the Problem Status observation decides clinicalStatus', () => {
  const status = `<entryRelationship typeCode="REFR"><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.6"/><code code="33999-4" codeSystem="2.16.840.1.113883.6.1"/><value xsi:type="CD" code="55561003" codeSystem="2.16.840.1.113883.6.96" displayName="Active"/></observation></entryRelationship>`;
  const [c] = mapProblemEntry(fragment(problem(`<effectiveTime><low value="2008"/></effectiveTime><value xsi:type="CD" code="195967001" codeSystem="2.16.840.1.113883.6.96" displayName="Asthma"/>`, status)), testContext()) as Condition[];
  assert.equal(c.clinicalStatus?.coding?.[0].code, 'active');
  assert.equal(c.onsetDateTime, '2008');
});

test('a negated problem is refuted, and a negated empty one says "no known problems"', () => {
  const [refuted] = mapProblemEntry(fragment(problem(pneumonia, '', 'negationInd="true"')), testContext()) as Condition[];
  assert.equal(refuted.verificationStatus?.coding?.[0].code, 'refuted');
  const [none] = mapProblemEntry(fragment(problem('<value xsi:type="CD" nullFlavor="NI"/>', '', 'negationInd="true"')), testContext()) as Condition[];
  assert.equal(none.code?.coding?.[0].code, 'no-known-problems');
});

test('a nullFlavored value with no text yields nothing', () => {
  assert.equal(mapProblemEntry(fragment(problem('<value xsi:type="CD" nullFlavor="UNK"/>')), testContext()).length, 0);
});

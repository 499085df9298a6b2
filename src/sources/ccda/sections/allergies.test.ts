import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AllergyIntolerance } from '@medplum/fhirtypes';
import { mapAllergyEntry } from './allergies.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

const concern = (obs: string, status = 'active') => `<act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.30"/><code code="CONC" codeSystem="2.16.840.1.113883.5.6"/><statusCode code="${status}"/>
<entryRelationship typeCode="SUBJ">${obs}</entryRelationship></act>`;
const obs = (attrs: string, value: string, participant: string, extra = '') => `<observation classCode="OBS" moodCode="EVN" ${attrs}><templateId root="2.16.840.1.113883.10.20.22.4.7"/><id root="4adc1020-7b14-11db-9fe1-0800200c9a66"/>
<code code="ASSERTION" codeSystem="2.16.840.1.113883.5.4"/><statusCode code="completed"/><effectiveTime><low value="20060501"/></effectiveTime>${value}${participant}${extra}</observation>`;
const penicillin = `<participant typeCode="CSM"><participantRole classCode="MANU"><playingEntity classCode="MMAT"><code code="7980" displayName="Penicillin G benzathine" codeSystem="2.16.840.1.113883.6.88"><originalText><reference value="#allergy1"/></originalText><translation code="N0000006189" codeSystem="2.16.840.1.113883.3.26.1.5"/></code></playingEntity></participantRole></participant>`;
const drugAllergy = `<value xsi:type="CD" code="416098002" codeSystem="2.16.840.1.113883.6.96" displayName="Drug allergy"/>`;
const reaction = `<entryRelationship typeCode="MFST" inversionInd="true"><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.9"/><code code="ASSERTION" codeSystem="2.16.840.1.113883.5.4"/><statusCode code="completed"/>
<value xsi:type="CD" code="247472004" codeSystem="2.16.840.1.113883.6.96" displayName="Hives"/>
<entryRelationship typeCode="SUBJ" inversionInd="true"><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.8"/><code code="SEV" codeSystem="2.16.840.1.113883.5.4"/><value xsi:type="CD" code="6736007" codeSystem="2.16.840.1.113883.6.96" displayName="Moderate"/></observation></entryRelationship></observation></entryRelationship>`;

test('a drug allergy keeps substance codings, narrative text, reaction and severity', () => {
  const ctx = testContext({ allergy1: 'Penicillin (narrative)' });
  const [a] = mapAllergyEntry(fragment(concern(obs('', drugAllergy, penicillin, reaction))), ctx) as AllergyIntolerance[];
  assert.equal(a.resourceType, 'AllergyIntolerance');
  assert.equal(a.code?.text, 'Penicillin (narrative)');
  assert.deepEqual(a.code?.coding?.map((c) => c.code), ['7980', 'N0000006189']);
  assert.equal(a.code?.coding?.[0].system, 'http://www.nlm.nih.gov/research/umls/rxnorm');
  assert.deepEqual(a.category, ['medication']);
  assert.equal(a.type, 'allergy');
  assert.equal(a.clinicalStatus?.coding?.[0].code, 'active');
  assert.equal(a.verificationStatus?.coding?.[0].code, 'confirmed');
  assert.equal(a.onsetDateTime, '2006-05-01');
  assert.equal(a.reaction?.[0].manifestation[0].coding?.[0].display, 'Hives');
  assert.equal(a.reaction?.[0].severity, 'moderate');
});

test('negationInd without a substance becomes "No known allergy", never a positive allergy', () => {
  const nullSubstance = `<participant typeCode="CSM"><participantRole classCode="MANU"><playingEntity classCode="MMAT"><code nullFlavor="NA"/></playingEntity></participantRole></participant>`;
  const [a] = mapAllergyEntry(fragment(concern(obs('negationInd="true"', `<value xsi:type="CD" code="419199007" codeSystem="2.16.840.1.113883.6.96"/>`, nullSubstance))), testContext()) as AllergyIntolerance[];
  assert.equal(a.code?.coding?.[0].code, '716186003');
  assert.equal(a.code?.text, 'No known allergy');
  assert.equal(a.reaction, undefined);
  assert.equal(a.onsetDateTime, undefined);
});

test('negationInd with a named substance is a refuted allergy to it', () => {
  const [a] = mapAllergyEntry(fragment(concern(obs('negationInd="true"', drugAllergy, penicillin))), testContext()) as AllergyIntolerance[];
  assert.equal(a.verificationStatus?.coding?.[0].code, 'refuted');
  assert.equal(a.code?.coding?.[0].code, '7980');
  assert.equal(a.clinicalStatus, undefined);
});

test('a "no known drug allergy" value code is kept as that statement', () => {
  const [a] = mapAllergyEntry(fragment(concern(obs('', `<value xsi:type="CD" code="409137002" codeSystem="2.16.840.1.113883.6.96" displayName="No known drug allergy"/>`, ''))), testContext()) as AllergyIntolerance[];
  assert.equal(a.code?.coding?.[0].code, '409137002');
  assert.equal(a.category, undefined);
});

test('a resolved concern gives clinicalStatus resolved', () => {
  const [a] = mapAllergyEntry(fragment(concern(obs('', drugAllergy, penicillin), 'completed')), testContext()) as AllergyIntolerance[];
  assert.equal(a.clinicalStatus?.coding?.[0].code, 'resolved');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Condition, Encounter } from '@medplum/fhirtypes';
import { mapEncounterEntry } from './encounters.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

test('an encounter keeps type, period, performer, location and its diagnoses', () => {
  const xml = `<encounter classCode="ENC" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.49"/><id root="2a620155-9d11-439e-92b3-5d9815ff4de8"/>
<code code="99213" codeSystem="2.16.840.1.113883.6.12" displayName="Office outpatient visit 15 minutes"><translation code="AMB" codeSystem="2.16.840.1.113883.5.4" displayName="Ambulatory"/></code>
<effectiveTime><low value="201209271300+0500"/><high value="201209271400+0500"/></effectiveTime>
<performer><assignedEntity><assignedPerson><name><prefix>Dr</prefix><given>Henry</given><family>Seven</family></name></assignedPerson></assignedEntity></performer>
<participant typeCode="LOC"><participantRole classCode="SDLOC"><templateId root="2.16.840.1.113883.10.20.22.4.32"/><code code="1160-1" codeSystem="2.16.840.1.113883.6.259" displayName="Urgent Care Center"/><playingEntity classCode="PLC"><name>Community Urgent Care Center</name></playingEntity></participantRole></participant>
<entryRelationship typeCode="COMP"><act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.80"/><code code="29308-4" codeSystem="2.16.840.1.113883.6.1"/>
<entryRelationship typeCode="SUBJ"><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.4"/><code code="282291009" codeSystem="2.16.840.1.113883.6.96"/><statusCode code="completed"/><effectiveTime><low value="20120927"/></effectiveTime>
<value xsi:type="CD" code="233604007" codeSystem="2.16.840.1.113883.6.96" displayName="Pneumonia"/></observation></entryRelationship></act></entryRelationship></encounter>`;
  const [enc, dx] = mapEncounterEntry(fragment(xml), testContext()) as [Encounter, Condition];
  assert.equal(enc.resourceType, 'Encounter');
  assert.equal(enc.class.code, 'AMB');
  assert.equal(enc.type?.[0].coding?.[0].code, '99213');
  assert.deepEqual(enc.period, { start: '2012-09-27T13:00:00+05:00', end: '2012-09-27T14:00:00+05:00' });
  assert.equal(enc.participant?.[0].individual?.display, 'Dr Henry Seven');
  assert.equal(enc.location?.[0].location.display, 'Community Urgent Care Center');
  assert.equal(dx.resourceType, 'Condition');
  assert.equal(dx.category?.[0].coding?.[0].code, 'encounter-diagnosis');
  assert.equal(enc.diagnosis?.[0].condition.reference, `Condition/${dx.id}`);
  assert.equal(enc.status, 'finished');
});

test('an encounter without an ActCode class says unknown rather than guessing', () => {
  const [enc] = mapEncounterEntry(fragment(`<encounter classCode="ENC" moodCode="EVN"><code code="99213" codeSystem="2.16.840.1.113883.6.12"/><effectiveTime value="2012"/></encounter>`), testContext()) as Encounter[];
  assert.equal(enc.class.code, 'UNK');
  assert.equal(enc.period?.start, '2012');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Communication, MedicationRequest, ServiceRequest } from '@medplum/fhirtypes';
import { mapPlanEntry } from './plan.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

test('a planned observation becomes a ServiceRequest with intent and date', () => {
  const [s] = mapPlanEntry(fragment(`<observation classCode="OBS" moodCode="RQO"><templateId root="2.16.840.1.113883.10.20.22.4.44"/><code code="24357-6" codeSystem="2.16.840.1.113883.6.1" displayName="Urinalysis macro panel"/><statusCode code="active"/><effectiveTime value="20130615"/></observation>`), testContext()) as ServiceRequest[];
  assert.equal(s.resourceType, 'ServiceRequest');
  assert.equal(s.intent, 'order');
  assert.equal(s.status, 'active');
  assert.equal(s.occurrenceDateTime, '2013-06-15');
});

test('a planned encounter named only by its reason keeps that reason', () => {
  const [s] = mapPlanEntry(fragment(`<encounter classCode="ENC" moodCode="INT"><statusCode code="active"/><entryRelationship typeCode="RSON"><observation classCode="OBS" moodCode="EVN"><code/><text>Follow up if pain does not subside</text></observation></entryRelationship></encounter>`), testContext()) as ServiceRequest[];
  assert.equal(s.intent, 'plan');
  assert.equal(s.code?.text, 'Follow up if pain does not subside');
});

test('a planned medication is a MedicationRequest (intent plan); an instruction is a Communication', () => {
  const [m] = mapPlanEntry(fragment(`<substanceAdministration classCode="SBADM" moodCode="INT"><statusCode code="active"/><consumable><manufacturedProduct><manufacturedMaterial><code code="314076" codeSystem="2.16.840.1.113883.6.88" displayName="lisinopril 10 MG"/></manufacturedMaterial></manufacturedProduct></consumable></substanceAdministration>`), testContext()) as MedicationRequest[];
  assert.equal(m.resourceType, 'MedicationRequest');
  assert.equal(m.intent, 'plan');
  const [c] = mapPlanEntry(fragment(`<act classCode="ACT" moodCode="INT"><templateId root="2.16.840.1.113883.10.20.22.4.20"/><code code="311401005" codeSystem="2.16.840.1.113883.6.96" displayName="Patient education"/><text>Low salt diet</text><statusCode code="completed"/></act>`), testContext()) as Communication[];
  assert.equal(c.resourceType, 'Communication');
  assert.equal(c.payload?.[0].contentString, 'Low salt diet');
});

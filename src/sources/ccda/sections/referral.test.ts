import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ServiceRequest } from '@medplum/fhirtypes';
import { mapReferralEntry } from './referral.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

test('a patient referral act becomes a ServiceRequest', () => {
  const xml = `<act classCode="PCPR" moodCode="INT"><templateId root="2.16.840.1.113883.10.20.22.4.140"/><code code="44383000" codeSystem="2.16.840.1.113883.6.96" displayName="Patient referral for consultation"/><statusCode code="active"/><effectiveTime value="20170830"/>
<performer><assignedEntity><assignedPerson><name><given>Cardio</given><family>Logist</family></name></assignedPerson></assignedEntity></performer></act>`;
  const [s] = mapReferralEntry(fragment(xml), testContext()) as ServiceRequest[];
  assert.equal(s.code?.coding?.[0].code, '44383000');
  assert.equal(s.performer?.[0].display, 'Cardio Logist');
  assert.equal(s.occurrenceDateTime, '2017-08-30');
});

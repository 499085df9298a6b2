import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Coverage } from '@medplum/fhirtypes';
import { mapPayerEntry } from './payers.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

test('a coverage activity gives a Coverage per policy with payer, type, member id and period', () => {
  const xml = `<act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.60"/><code code="48768-6" codeSystem="2.16.840.1.113883.6.1"/><statusCode code="completed"/>
<entryRelationship typeCode="COMP"><act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.61"/><id root="3e676a50-7aac-11db-9fe1-0800200c9a66"/>
<code code="SELF" codeSystem="2.16.840.1.113883.5.4"><translation code="111" codeSystem="2.16.840.1.113883.3.221.5" displayName="PPO"/></code><statusCode code="completed"/>
<performer typeCode="PRF"><assignedEntity><id root="2.16.840.1.113883.19"/><representedOrganization><name>Good Health Insurance</name></representedOrganization></assignedEntity></performer>
<participant typeCode="COV"><time><low value="20110301"/><high value="20130301"/></time><participantRole classCode="PAT"><id root="1.1.1.1.1.1.1.1.14" extension="1138345"/><code code="SELF" codeSystem="2.16.840.1.113883.5.111"/></participantRole></participant>
</act></entryRelationship></act>`;
  const [c] = mapPayerEntry(fragment(xml), testContext()) as Coverage[];
  assert.equal(c.payor[0].display, 'Good Health Insurance');
  assert.equal(c.subscriberId, '1138345');
  assert.deepEqual(c.period, { start: '2011-03-01', end: '2013-03-01' });
  assert.equal(c.relationship?.coding?.[0].code, 'SELF');
  assert.equal(c.status, 'active');
  assert.equal(c.beneficiary.reference, 'Patient/patient');
});

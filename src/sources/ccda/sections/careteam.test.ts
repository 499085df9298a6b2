import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CareTeam } from '@medplum/fhirtypes';
import { mapCareTeamEntry } from './careteam.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

test('a care team organizer lists its members with their roles', () => {
  const member = (given: string, role: string) => `<component><act classCode="PCPR" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.500.1"/><code code="85847-2" codeSystem="2.16.840.1.113883.6.1"/><statusCode code="active"/>
<performer typeCode="PRF"><functionCode code="PCP" codeSystem="2.16.840.1.113883.5.88"/><assignedEntity><code code="${role}" codeSystem="2.16.840.1.113883.6.101" displayName="role ${role}"/><assignedPerson><name><given>${given}</given><family>Doe</family></name></assignedPerson></assignedEntity></performer></act></component>`;
  const xml = `<organizer classCode="CLUSTER" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.500"/><code code="86744-0" codeSystem="2.16.840.1.113883.6.1" displayName="Care team"/><statusCode code="active"/><effectiveTime><low value="20130501"/></effectiveTime>${member('Ann', '207Q00000X')}${member('Bob', '163W00000X')}</organizer>`;
  const [t] = mapCareTeamEntry(fragment(xml), testContext()) as CareTeam[];
  assert.deepEqual(t.participant?.map((p) => p.member?.display), ['Ann Doe', 'Bob Doe']);
  assert.equal(t.participant?.[0].role?.[0].coding?.[0].code, '207Q00000X');
  assert.equal(t.period?.start, '2013-05-01');
});

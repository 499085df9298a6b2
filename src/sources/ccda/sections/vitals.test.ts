import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation } from '@medplum/fhirtypes';
import { mapVitalSignsEntry } from './vitals.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

const vital = (code: string, value: string, unit: string) => `<component><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.27"/><code code="${code}" codeSystem="2.16.840.1.113883.6.1"/><statusCode code="completed"/><value xsi:type="PQ" value="${value}" unit="${unit}"/></observation></component>`;

test('a vital signs organizer gives one vital-signs Observation per measurement and a panel', () => {
  const org = `<organizer classCode="CLUSTER" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.26"/><code code="46680005" codeSystem="2.16.840.1.113883.6.96"/><statusCode code="completed"/><effectiveTime value="20190304"/>
${vital('8480-6', '120', 'mm[Hg]')}${vital('8462-4', '80', 'mm[Hg]')}${vital('29463-7', '70', 'kg')}</organizer>`;
  const [panel, ...members] = mapVitalSignsEntry(fragment(org), testContext()) as Observation[];
  assert.equal(members.length, 3);
  assert.equal(panel.code.coding?.[0].code, '85353-1');
  assert.equal(panel.code.coding?.[1].code, '46680005', "the organizer's own code is kept");
  assert.equal(panel.hasMember?.length, 3);
  const sys = members.find((m) => m.code.coding?.[0].code === '8480-6')!;
  assert.equal(sys.valueQuantity?.value, 120);
  assert.equal(sys.category?.[0].coding?.[0].code, 'vital-signs');
  assert.equal(sys.effectiveDateTime, '2019-03-04', 'members inherit the organizer date');
});

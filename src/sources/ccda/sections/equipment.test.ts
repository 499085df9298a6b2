import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Device, Procedure } from '@medplum/fhirtypes';
import { mapEquipmentEntry } from './equipment.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

const role = `<participantRole classCode="MANU"><templateId root="2.16.840.1.113883.10.20.22.4.37"/><id root="2.16.840.1.113883.3.3719" extension="(01)51022222233336(11)141231(17)150707(10)A213B1(21)1234"/><playingDevice><code code="14106009" codeSystem="2.16.840.1.113883.6.96" displayName="Cardiac pacemaker"/></playingDevice><scopingEntity><id root="2.16.840.1.113883.3.3719"/><desc>Good Health Prostheses Company</desc></scopingEntity></participantRole>`;

test('a supply gives a Device with type, UDI and manufacturer', () => {
  const [d] = mapEquipmentEntry(fragment(`<supply classCode="SPLY" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.50"/><statusCode code="completed"/><participant typeCode="PRD">${role}</participant></supply>`), testContext()) as Device[];
  assert.equal(d.resourceType, 'Device');
  assert.equal(d.type?.coding?.[0].code, '14106009');
  assert.equal(d.udiCarrier?.[0].carrierHRF, '(01)51022222233336(11)141231(17)150707(10)A213B1(21)1234');
  assert.equal(d.manufacturer, 'Good Health Prostheses Company');
});

test('an implant procedure gives the Procedure and its Device', () => {
  const out = mapEquipmentEntry(fragment(`<procedure classCode="PROC" moodCode="EVN"><code code="175135009" codeSystem="2.16.840.1.113883.6.96" displayName="Insertion of pacemaker"/><statusCode code="completed"/><effectiveTime value="2012"/><participant typeCode="DEV">${role}</participant></procedure>`), testContext());
  assert.deepEqual(out.map((r) => r.resourceType), ['Procedure', 'Device']);
  assert.equal((out[0] as Procedure).performedDateTime, '2012');
});

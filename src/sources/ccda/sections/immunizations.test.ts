import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Immunization } from '@medplum/fhirtypes';
import { mapImmunizationEntry } from './immunizations.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

const imm = (attrs: string, extra = '', time = '<effectiveTime value="20100815"/>') => `<substanceAdministration classCode="SBADM" moodCode="EVN" ${attrs}><templateId root="2.16.840.1.113883.10.20.22.4.52"/><id root="e6f1ba43-c0ed-4b9b-9f12-f435d8ad8f92"/>
<statusCode code="completed"/>${time}<consumable><manufacturedProduct classCode="MANU"><manufacturedMaterial><code code="88" codeSystem="2.16.840.1.113883.12.292" displayName="Influenza virus vaccine"/><lotNumberText>1</lotNumberText></manufacturedMaterial>
<manufacturerOrganization><name>Health LS - Immuno Inc.</name></manufacturerOrganization></manufacturedProduct></consumable>${extra}</substanceAdministration>`;

test('a given vaccine is completed with CVX code, date, lot and manufacturer', () => {
  const [i] = mapImmunizationEntry(fragment(imm('negationInd="false"')), testContext()) as Immunization[];
  assert.equal(i.status, 'completed');
  assert.equal(i.vaccineCode.coding?.[0].system, 'http://hl7.org/fhir/sid/cvx');
  assert.equal(i.occurrenceDateTime, '2010-08-15');
  assert.equal(i.lotNumber, '1');
  assert.equal(i.manufacturer?.display, 'Health LS - Immuno Inc.');
});

test('a refused vaccine is not-done with the refusal reason', () => {
  const refusal = `<entryRelationship typeCode="RSON"><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.53"/><code code="PATOBJ" codeSystem="2.16.840.1.113883.5.8" displayName="patient objection"/></observation></entryRelationship>`;
  const [i] = mapImmunizationEntry(fragment(imm('negationInd="true"', refusal)), testContext()) as Immunization[];
  assert.equal(i.status, 'not-done');
  assert.equal(i.statusReason?.coding?.[0].code, 'PATOBJ');
});

test('an undated vaccine still records that the date is unknown (no invented date)', () => {
  const [i] = mapImmunizationEntry(fragment(imm('', '', '<effectiveTime nullFlavor="UNK"/>')), testContext()) as Immunization[];
  assert.equal(i.occurrenceDateTime, undefined);
  assert.equal(i.occurrenceString, 'unknown');
});

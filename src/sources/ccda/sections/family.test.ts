import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FamilyMemberHistory } from '@medplum/fhirtypes';
import { mapFamilyHistoryEntry } from './family.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

test('a family history organizer gives the relative, sex, conditions, onset age and death', () => {
  const xml = `<organizer moodCode="EVN" classCode="CLUSTER"><templateId root="2.16.840.1.113883.10.20.22.4.45"/><statusCode code="completed"/>
<subject><relatedSubject classCode="PRS"><code code="FTH" displayName="Father" codeSystem="2.16.840.1.113883.5.111"/><subject><administrativeGenderCode code="M" codeSystem="2.16.840.1.113883.5.1"/><birthTime value="1910"/></subject></relatedSubject></subject>
<component><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.46"/><code code="64572001" codeSystem="2.16.840.1.113883.6.96"/><statusCode code="completed"/>
<value xsi:type="CD" code="22298006" codeSystem="2.16.840.1.113883.6.96" displayName="Myocardial infarction"/>
<entryRelationship typeCode="SUBJ" inversionInd="true"><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.31"/><code code="445518008" codeSystem="2.16.840.1.113883.6.96"/><value xsi:type="PQ" value="57" unit="a"/></observation></entryRelationship>
<entryRelationship typeCode="CAUS"><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.47"/><code code="ASSERTION" codeSystem="2.16.840.1.113883.5.4"/><value xsi:type="CD" code="419099009" codeSystem="2.16.840.1.113883.6.96" displayName="Dead"/></observation></entryRelationship>
</observation></component></organizer>`;
  const [f] = mapFamilyHistoryEntry(fragment(xml), testContext()) as FamilyMemberHistory[];
  assert.equal(f.relationship.coding?.[0].code, 'FTH');
  assert.equal(f.sex?.coding?.[0].code, 'male');
  assert.equal(f.bornDate, '1910');
  assert.equal(f.condition?.[0].code.coding?.[0].code, '22298006');
  assert.equal(f.condition?.[0].onsetAge?.value, 57);
  assert.equal(f.condition?.[0].contributedToDeath, true);
  assert.equal(f.deceasedBoolean, true);
});

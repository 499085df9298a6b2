import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation } from '@medplum/fhirtypes';
import { mapSocialHistoryEntry } from './social.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

test('smoking status becomes a social-history Observation with its coded value and date', () => {
  const xml = `<observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.78" extension="2014-06-09"/><id extension="123456789" root="2.16.840.1.113883.19"/>
<code code="72166-2" codeSystem="2.16.840.1.113883.6.1" displayName="Tobacco smoking status NHIS"/><statusCode code="completed"/><effectiveTime value="201406061032+0500"/>
<value xsi:type="CD" code="449868002" displayName="Current every day smoker" codeSystem="2.16.840.1.113883.6.96"/></observation>`;
  const [o] = mapSocialHistoryEntry(fragment(xml), testContext()) as Observation[];
  assert.equal(o.code.coding?.[0].code, '72166-2');
  assert.equal(o.valueCodeableConcept?.coding?.[0].code, '449868002');
  assert.equal(o.category?.[0].coding?.[0].code, 'social-history');
  assert.equal(o.effectiveDateTime, '2014-06-06T10:32:00+05:00');
  assert.deepEqual(o.identifier, [{ system: 'urn:oid:2.16.840.1.113883.19', value: '123456789' }]);
});

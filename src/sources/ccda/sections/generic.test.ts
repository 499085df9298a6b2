import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation } from '@medplum/fhirtypes';
import { mapGenericStatement } from './generic.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

test('an unknown statement with its meaning in a related observation is still mapped', () => {
  const xml = `<observation classCode="OBS" moodCode="EVN"><code codeSystem="2.16.840.1.113883.6.1"/><statusCode code="completed"/>
<entryRelationship typeCode="SPRT"><observation classCode="OBS" moodCode="EVN"><code code="ASSERTION" codeSystem="2.16.840.1.113883.5.4"/><value xsi:type="CD" code="390801001" codeSystem="2.16.840.1.113883.6.96" displayName="Goal not achieved"/></observation></entryRelationship></observation>`;
  const [o] = mapGenericStatement(fragment(xml), testContext()) as Observation[];
  assert.equal(o.valueCodeableConcept?.coding?.[0].display, 'Goal not achieved');
});

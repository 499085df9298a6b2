import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation } from '@medplum/fhirtypes';
import { mapFunctionalStatusEntry, mapMentalStatusEntry } from './status.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

const obs = `<observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.67"/><code code="54522-8" codeSystem="2.16.840.1.113883.6.1" displayName="Functional status"/><statusCode code="completed"/><effectiveTime value="20130311"/><value xsi:type="CD" code="165245003" codeSystem="2.16.840.1.113883.6.96" displayName="Independent ambulation"/></observation>`;

test('functional and mental status observations are categorised', () => {
  const [f] = mapFunctionalStatusEntry(fragment(obs), testContext()) as Observation[];
  assert.equal(f.category?.[0].coding?.[0].code, 'functional-status');
  assert.equal(f.valueCodeableConcept?.coding?.[0].display, 'Independent ambulation');
  const org = `<organizer classCode="CLUSTER" moodCode="EVN"><code code="75275-8" codeSystem="2.16.840.1.113883.6.1"/><statusCode code="completed"/><component>${obs}</component><component>${obs.replace('165245003', '371150009')}</component></organizer>`;
  const mental = mapMentalStatusEntry(fragment(org), testContext()) as Observation[];
  assert.equal(mental.length, 2);
  assert.equal(mental[0].category?.[0].coding?.[0].code, 'cognitive-status');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation } from '@medplum/fhirtypes';
import { mapAdvanceDirectiveEntry } from './directives.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

test('an advance directive observation keeps its type and value', () => {
  const xml = `<observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.48"/><code code="75320-2" codeSystem="2.16.840.1.113883.6.1" displayName="Advance directive"/><statusCode code="completed"/><effectiveTime><low value="20110213"/></effectiveTime>
<value xsi:type="CD" code="304253006" codeSystem="2.16.840.1.113883.6.96" displayName="Not for resuscitation"/></observation>`;
  const [o] = mapAdvanceDirectiveEntry(fragment(xml), testContext()) as Observation[];
  assert.equal(o.valueCodeableConcept?.coding?.[0].display, 'Not for resuscitation');
  assert.equal(o.effectivePeriod?.start, '2011-02-13');
  assert.equal(o.category?.[0].coding?.[0].code, 'advance-directive');
});

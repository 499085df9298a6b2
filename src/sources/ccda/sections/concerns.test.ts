import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Condition } from '@medplum/fhirtypes';
import { mapHealthConcernEntry } from './concerns.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

test('health concerns become health-concern Conditions, from observations or from the act text', () => {
  const withObs = `<act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.132"/><code code="75310-3" codeSystem="2.16.840.1.113883.6.1"/><statusCode code="active"/>
<entryRelationship typeCode="REFR"><observation classCode="OBS" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.4"/><code code="75315-2" codeSystem="2.16.840.1.113883.6.1"/><value xsi:type="CD" code="161891005" codeSystem="2.16.840.1.113883.6.96" displayName="Backache"/></observation></entryRelationship></act>`;
  const [c] = mapHealthConcernEntry(fragment(withObs), testContext()) as Condition[];
  assert.equal(c.code?.coding?.[0].code, '161891005');
  assert.equal(c.category?.[0].coding?.[0].code, 'health-concern');
  const textOnly = `<act classCode="ACT" moodCode="EVN"><templateId root="2.16.840.1.113883.10.20.22.4.132"/><code code="75310-3" codeSystem="2.16.840.1.113883.6.1"/><text><reference value="#hc1"/></text><statusCode code="active"/></act>`;
  const [t] = mapHealthConcernEntry(fragment(textOnly), testContext({ hc1: 'Worried about weight gain' })) as Condition[];
  assert.equal(t.code?.text, 'Worried about weight gain');
});

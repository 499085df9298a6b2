import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Goal } from '@medplum/fhirtypes';
import { mapGoalEntry } from './goals.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

test('a goal observation gives description, target value and start date', () => {
  const xml = `<observation classCode="OBS" moodCode="GOL"><templateId root="2.16.840.1.113883.10.20.22.4.121"/><id root="3700b3b0-fbed-11e2-b778-0800200c9a66"/><code code="29463-7" codeSystem="2.16.840.1.113883.6.1" displayName="Body weight"/><statusCode code="active"/><effectiveTime value="20130730"/><value xsi:type="PQ" value="80" unit="kg"/></observation>`;
  const [g] = mapGoalEntry(fragment(xml), testContext()) as Goal[];
  assert.equal(g.lifecycleStatus, 'active');
  assert.equal(g.description.coding?.[0].code, '29463-7');
  assert.equal(g.target?.[0].detailQuantity?.value, 80);
  assert.equal(g.startDate, '2013-07-30');
});

test('a goal told only in the narrative keeps that text', () => {
  const [g] = mapGoalEntry(fragment(`<observation classCode="OBS" moodCode="GOL"><code nullFlavor="UNK"/><text><reference value="#goal1"/></text><statusCode code="active"/></observation>`), testContext({ goal1: 'Walk 30 minutes a day' })) as Goal[];
  assert.equal(g.description.text, 'Walk 30 minutes a day');
});

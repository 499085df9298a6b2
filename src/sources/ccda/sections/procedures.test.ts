import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Procedure, ServiceRequest } from '@medplum/fhirtypes';
import { mapProcedureEntry } from './procedures.js';
import { fragment } from '../test-helpers.js';
import { testContext } from '../context.js';

const proc = (attrs: string, status = 'completed') => `<procedure classCode="PROC" ${attrs}><templateId root="2.16.840.1.113883.10.20.22.4.14"/><id root="d68b7e32-7810-4f5b-9cc2-acd54b0fd85d"/>
<code code="73761001" codeSystem="2.16.840.1.113883.6.96" displayName="Colonoscopy"/><statusCode code="${status}"/><effectiveTime value="20120512"/>
<targetSiteCode code="appropriate_code" displayName="colon" codeSystem="2.16.840.1.113883.3.88.12.3221.8.9"/>
<performer><assignedEntity><id root="2.16.840.1.113883.19" extension="1234"/><assignedPerson><name><given>Tony</given><family>Tum</family></name></assignedPerson></assignedEntity></performer></procedure>`;

test('a procedure keeps code, date, body site and performer', () => {
  const [p] = mapProcedureEntry(fragment(proc('moodCode="EVN"')), testContext()) as Procedure[];
  assert.equal(p.resourceType, 'Procedure');
  assert.equal(p.status, 'completed');
  assert.equal(p.code?.coding?.[0].code, '73761001');
  assert.equal(p.performedDateTime, '2012-05-12');
  assert.equal(p.bodySite?.[0].text, 'colon');
  assert.equal(p.performer?.[0].actor.display, 'Tony Tum');
});

test('a negated procedure is not-done; a planned one is a ServiceRequest', () => {
  const [neg] = mapProcedureEntry(fragment(proc('moodCode="EVN" negationInd="true"')), testContext()) as Procedure[];
  assert.equal(neg.status, 'not-done');
  const [plan] = mapProcedureEntry(fragment(proc('moodCode="RQO"', 'active')), testContext()) as ServiceRequest[];
  assert.equal(plan.resourceType, 'ServiceRequest');
  assert.equal(plan.intent, 'order');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Appointment } from '@medplum/fhirtypes';
import { extractHl7 } from './index.js';
import { addMinutes } from './siu.js';
import { checkResource } from './validate.js';

const run = (trigger: string, ...segs: string[]) => extractHl7([`MSH|^~\\&|SCHED|H|EHR|H|20260301||SIU^${trigger}|S1|P|2.5`, ...segs, 'PID|1||1^^^H||DOE^JANE'].join('\r'));

test('SIU^S12 → Appointment with start/end, reason, participants', () => {
  const e = run('S12', 'SCH|A1|F1|||||FOLLOWUP^Follow-up visit|NORMAL|30|min|^^30^20260310093000-0500^20260310100000-0500||||||||||||||Booked', 'AIP|1||1234^WELBY^MARCUS|MD', 'AIL|1||CLINIC^^^GOOD HOSP');
  const appt = e.resources.find((r) => r.resource.resourceType === 'Appointment')!;
  assert.equal(appt.location.segment, 'SCH[1]');
  const a = appt.resource as Appointment;
  assert.equal(a.status, 'booked');
  assert.equal(a.start, '2026-03-10T09:30:00-05:00');
  assert.equal(a.end, '2026-03-10T10:00:00-05:00');
  assert.equal(a.minutesDuration, 30);
  assert.deepEqual(a.participant.map((p) => p.actor?.display), ['JANE DOE', 'MARCUS WELBY', 'GOOD HOSP CLINIC']);
  assert.deepEqual(checkResource(a), []);
});

test('S15 cancel; a start without zone is kept as requestedPeriod (never an invented zone)', () => {
  const e = run('S15', 'SCH|A1|F1|||||||||^^^20260310093000');
  const a = e.resources.find((r) => r.resource.resourceType === 'Appointment')!.resource as Appointment;
  assert.equal(a.status, 'cancelled');
  assert.equal(a.start, undefined);
  assert.deepEqual(a.requestedPeriod, [{ start: '2026-03-10' }]);
  assert.deepEqual(checkResource(a), []);
});

test('addMinutes keeps the offset', () => {
  assert.equal(addMinutes('2026-03-10T23:45:00+02:00', 30), '2026-03-11T00:15:00+02:00');
});

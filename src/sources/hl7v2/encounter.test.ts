import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHl7 } from './index.js';

const run = (...segs: string[]) => extractHl7(segs.join('\r'));

test('PV1 → Encounter: class, period, location, attending, visit number', () => {
  const e = run(
    'MSH|^~\\&|A|B|C|D|20200101||ADT^A03|1|P|2.5',
    'PID|1||1^^^H',
    'PV1|1|I|4N^401^B^GOOD HOSP||||1234^WELBY^MARCUS^^^DR|||MED||||7|||||V100^^^H^VN|||||||||||||||||||||||||20200101083000-0500|20200105120000-0500',
  );
  const enc = e.resources.find((r) => r.resource.resourceType === 'Encounter')!;
  assert.deepEqual(enc.location, { segment: 'PV1[1]', line: 3 });
  assert.equal(enc.subject, 'H|1');
  const r = enc.resource as import('@medplum/fhirtypes').Encounter;
  assert.equal(r.status, 'finished');
  assert.equal(r.class.code, 'IMP');
  assert.deepEqual(r.period, { start: '2020-01-01T08:30:00-05:00', end: '2020-01-05T12:00:00-05:00' });
  assert.equal(r.location?.[0].location.display, 'GOOD HOSP 4N 401 B');
  assert.equal(r.participant?.[0].individual?.display, 'DR MARCUS WELBY');
  assert.equal(r.participant?.[0].type?.[0].coding?.[0].code, 'ATND');
  assert.equal(r.identifier?.[0].value, 'V100');
  assert.equal(r.subject?.reference, 'Patient/m1-pid1');
});

test('a PV1 with nothing in it gives no Encounter', () => {
  const e = run('MSH|^~\\&|A|B|C|D|20200101||ORU^R01|1|P|2.5', 'PID|1||1', 'PV1|1|N');
  assert.equal(e.resources.filter((r) => r.resource.resourceType === 'Encounter').length, 0);
});

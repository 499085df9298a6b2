import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation } from '@medplum/fhirtypes';
import { groupObservations, plottable } from './labs.js';
import type { SourcedResource } from './query.js';

const src = { documentId: 'd1', filename: 'labs.pdf', page: 2 };
function obs(id: string, o: Partial<Observation>): SourcedResource {
  return { id, resourceType: 'Observation', date: o.effectiveDateTime, resource: { resourceType: 'Observation', status: 'final', code: {}, ...o } as Observation, source: src };
}
const glucose = { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose SerPl-mCnc' }] };
const lab = [{ coding: [{ code: 'laboratory' }] }];

test('results with the same LOINC code form one group, oldest first, latest flagged from its range', () => {
  const groups = groupObservations(
    [
      obs('a', { code: glucose, category: lab, effectiveDateTime: '2023-01-01', valueQuantity: { value: 131, unit: 'mg/dL' }, referenceRange: [{ low: { value: 70 }, high: { value: 99 } }] }),
      obs('b', { code: { ...glucose, text: 'GLUCOSE' }, category: lab, effectiveDateTime: '2021-01-01', valueQuantity: { value: 90, unit: 'mg/dL' } }),
    ],
    'lab',
  );
  assert.equal(groups.length, 1);
  const g = groups[0];
  assert.equal(g.key, 'loinc:2345-7');
  assert.deepEqual(g.points.map((p) => p.resourceId), ['b', 'a']);
  assert.equal(g.latest.resourceId, 'a');
  assert.equal(g.latest.flag, 'H');
  assert.equal(g.latest.rangeText, '70–99');
  assert.equal(g.latest.source.page, 2);
  assert.equal(g.unit, 'mg/dL');
});

test('without LOINC, names group regardless of case and punctuation; a stated interpretation wins', () => {
  const groups = groupObservations(
    [
      obs('a', { code: { text: 'Hemoglobin A1c' }, effectiveDateTime: '2020-01-01', valueQuantity: { value: 5.9, unit: '%' }, interpretation: [{ coding: [{ code: 'A' }] }] }),
      obs('b', { code: { text: 'HEMOGLOBIN A1C' }, effectiveDateTime: '2021-01-01', valueQuantity: { value: 6.1, unit: '%' } }),
    ],
    'lab',
  );
  assert.equal(groups.length, 1);
  assert.equal(groups[0].points[0].flag, 'A');
  assert.equal(groups[0].points[1].flag, undefined, 'no range, no interpretation: no flag invented');
});

test('vital signs stay out of labs; blood pressure components become their own groups', () => {
  const items = [
    obs('bp', {
      category: [{ coding: [{ code: 'vital-signs' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '85354-9' }] },
      effectiveDateTime: '2023-06-21',
      component: [
        { code: { coding: [{ system: 'http://loinc.org', code: '8480-6', display: 'Systolic' }] }, valueQuantity: { value: 128, unit: 'mm[Hg]' } },
        { code: { coding: [{ system: 'http://loinc.org', code: '8462-4', display: 'Diastolic' }] }, valueQuantity: { value: 82, unit: 'mm[Hg]' } },
      ],
    }),
  ];
  assert.equal(groupObservations(items, 'lab').length, 0);
  const vitals = groupObservations(items, 'vital');
  assert.deepEqual(vitals.map((g) => `${g.name} ${g.latest.display}`), ['Diastolic 82 mmHg', 'Systolic 128 mmHg']);
});

test('a point in another unit is not plotted against the group unit; entered-in-error is dropped', () => {
  const [g] = groupObservations(
    [
      obs('a', { code: glucose, category: lab, effectiveDateTime: '2020-01-01', valueQuantity: { value: 5.5, unit: 'mmol/L' } }),
      obs('b', { code: glucose, category: lab, effectiveDateTime: '2021-01-01', valueQuantity: { value: 99, unit: 'mg/dL' } }),
      obs('c', { code: glucose, category: lab, effectiveDateTime: '2022-01-01', valueQuantity: { value: 101, unit: 'mg/dL' } }),
      obs('d', { code: glucose, category: lab, status: 'entered-in-error', effectiveDateTime: '2022-02-01', valueQuantity: { value: 400, unit: 'mg/dL' } }),
    ],
    'lab',
  );
  assert.equal(g.unit, 'mg/dL');
  assert.equal(g.points.length, 3);
  assert.deepEqual(plottable(g).map((p) => p.resourceId), ['b', 'c']);
});

test('a panel that only groups its members is no row of its own; its members are', () => {
  const vital = [{ coding: [{ code: 'vital-signs' }] }];
  const items = [
    obs('panel', { category: vital, code: { coding: [{ system: 'http://loinc.org', code: '85353-1', display: 'Vital signs' }] }, effectiveDateTime: '2023-06-21', hasMember: [{ reference: 'Observation/w' }] }),
    obs('w', { category: vital, code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Weight' }] }, effectiveDateTime: '2023-06-21', valueQuantity: { value: 162, unit: '[lb_av]' } }),
  ];
  assert.deepEqual(groupObservations(items, 'vital').map((g) => `${g.name} ${g.latest.display}`), ['Weight 162 lb']);
});

test('functional and cognitive status findings are not lab results, though they carry a value', () => {
  const items = [
    obs('f', { category: [{ coding: [{ code: 'functional-status' }] }], code: { text: 'Functional limitation' }, valueCodeableConcept: { text: 'No functional impairment' } }),
    obs('c', { category: [{ coding: [{ code: 'cognitive-status' }] }], code: { text: 'Cognitive function finding' }, valueCodeableConcept: { text: 'No cognitive impairment' } }),
  ];
  assert.equal(groupObservations(items, 'lab').length, 0);
});

test('a result given as a span (urine sediment "0-2 /HPF") reads as the span, not as a dash', () => {
  const g = groupObservations([obs('u', { code: { text: 'WBC, urine' }, category: lab, effectiveDateTime: '2024-03-01', valueRange: { low: { value: 0, unit: '/[HPF]' }, high: { value: 2, unit: '/[HPF]' } } })], 'lab');
  assert.equal(g[0]!.latest.display, '0–2 /HPF');
});

test('every value[x] type reads in the labs, the timeline and the record: titers, yes/no, dates, periods, waveforms', async () => {
  const { describe } = await import('./facts.js');
  const { factsOf } = await import('../record/normalize/fact.js');
  const code = (c: string, text: string) => ({ coding: [{ system: 'http://loinc.org', code: c }], text });
  const cases: Array<[Partial<Observation>, string]> = [
    [{ code: code('31201-7', 'HBsAb titer'), valueRatio: { numerator: { value: 1 }, denominator: { value: 64 } } }, '1:64'],
    [{ code: code('5223-0', 'HIV 1+2 Ab'), valueBoolean: false }, 'No'],
    [{ code: code('11778-8', 'Estimated due date'), valueDateTime: '2021-10-15' }, '2021-10-15'],
    [{ code: code('74708-9', 'Sleep onset'), valueTime: '23:30:00' }, '23:30:00'],
    [{ code: code('8867-4', 'Heart rate'), valueSampledData: { origin: { value: 0 }, period: 1000, dimensions: 1, data: '72 74 73 75' } }, '4 sampled values'],
    [{ code: code('72514-3', 'Pain 0-10'), valuePeriod: { start: '2021-04-01', end: '2021-04-03' } }, '2021-04-01 – 2021-04-03'],
  ];
  for (const [o, shown] of cases) {
    const [g] = groupObservations([obs('x', { ...o, category: lab, effectiveDateTime: '2021-04-01' })], 'lab');
    assert.equal(g.latest.display, shown, `labs: ${o.code?.text}`);
    assert.equal(describe({ resourceType: 'Observation', status: 'final', ...o } as Observation).detail, shown, `timeline: ${o.code?.text}`);
    const [f] = factsOf({ resourceType: 'Observation', status: 'final', category: lab, ...o } as Observation, 'x', { documentId: 'd', structured: true });
    assert.ok(f.value?.text, `record: ${o.code?.text} has a value`);
  }
  // A component's integer (a score's parts) reads too.
  const [g] = groupObservations([obs('y', { code: code('9269-2', 'GCS'), category: lab, component: [{ code: code('9267-6', 'Eye'), valueInteger: 4 }] })], 'lab');
  assert.equal(g.latest.display, '4');
});

test('a vital sign reads as measured, to one decimal; its chart keeps the value as sent', () => {
  const vital = [{ coding: [{ code: 'vital-signs' }] }];
  const [g] = groupObservations([obs('h', { category: vital, code: { coding: [{ system: 'http://loinc.org', code: '8302-2', display: 'Body Height' }] }, effectiveDateTime: '2021-02-02', valueQuantity: { value: 99.3291, unit: 'cm' } })], 'vital');
  assert.equal(g!.latest.display, '99.3 cm');
  assert.equal(g!.latest.value, 99.3291);
});

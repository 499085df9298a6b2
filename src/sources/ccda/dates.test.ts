import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toFhirDate, toFhirDateTime, FHIR_DATETIME } from './dates.js';

test('CDA timestamps keep their precision and never gain a time zone', () => {
  assert.equal(toFhirDateTime('2019'), '2019');
  assert.equal(toFhirDateTime('201903'), '2019-03');
  assert.equal(toFhirDateTime('20190304'), '2019-03-04');
  assert.equal(toFhirDateTime('201903041230-0500'), '2019-03-04T12:30:00-05:00');
  assert.equal(toFhirDateTime('20190304123015.123+0100'), '2019-03-04T12:30:15.123+01:00');
  assert.equal(toFhirDateTime('2019030412-0500'), '2019-03-04T12:00:00-05:00');
  assert.equal(toFhirDateTime('20190304123000'), '2019-03-04', 'a time without zone keeps only the date');
  assert.equal(toFhirDateTime('20080319083000+0000'), '2008-03-19T08:30:00+00:00');
});

test('impossible or junk dates give undefined, never an invalid FHIR date', () => {
  for (const bad of ['20191301', '20190230', '0000', 'UNK', '', '2019-13', '201903041260-0500x']) {
    assert.equal(toFhirDateTime(bad), undefined, bad);
  }
  assert.equal(toFhirDateTime('20190304256000-0500'), '2019-03-04', 'a bad hour keeps the date');
  for (const ts of ['2019', '20190304', '201903041230-0500', '20190304123015.1234-0800']) assert.match(toFhirDateTime(ts)!, FHIR_DATETIME);
});

test('FHIR date drops the time part', () => {
  assert.equal(toFhirDate('19750501120000-0500'), '1975-05-01');
  assert.equal(toFhirDate('1975'), '1975');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unitLabel } from './unit-label.js';

test('UCUM codes read as people write units', () => {
  const cases: Array<[string, string]> = [
    ['mm[Hg]', 'mmHg'],
    ['[lb_av]', 'lb'],
    ['[in_i]', 'in'],
    ['[in_us]', 'in'],
    ['Cel', '°C'],
    ['[degF]', '°F'],
    ['10*3/uL', '10³/µL'],
    ['10*9/L', '10⁹/L'],
    ['ug/dL', 'µg/dL'],
    ['umol/L', 'µmol/L'],
    ['u[IU]/mL', 'µIU/mL'],
    ['m[IU]/L', 'mIU/L'],
    ['mL/min/{1.73_m2}', 'mL/min/1.73 m²'],
    ['kg/m2', 'kg/m²'],
    ['{beats}/min', 'beats/min'],
    ['/[HPF]', '/HPF'],
  ];
  for (const [code, label] of cases) assert.equal(unitLabel(code), label, code);
});

test('units that are no codes keep their letters; unity has no words', () => {
  for (const u of ['mg/dL', 'U/L', 'K/uL', '%', 'mmol/L', 'units', 'ratio']) assert.equal(unitLabel(u), u === 'K/uL' ? 'K/µL' : u, u);
  assert.equal(unitLabel('1'), '');
  assert.equal(unitLabel(undefined), undefined);
});

test('printed temperature units and weights in ounces read as people say them', async () => {
  const { quantityText } = await import('./fhir-text.js');
  assert.equal(unitLabel('degF'), '°F');
  assert.equal(unitLabel('degC'), '°C');
  assert.equal(quantityText({ value: 2176, unit: 'oz', system: 'http://unitsofmeasure.org', code: '[oz_av]' }), '136 lb');
  assert.equal(quantityText({ value: 98.2, unit: 'degF', system: 'http://unitsofmeasure.org', code: '[degF]' }), '98.2 °F');
  assert.equal(quantityText({ value: 6, unit: 'oz' }), '6 oz', 'a small amount stays in ounces');
  assert.equal(quantityText({ value: 2176, unit: 'g' }), '2176 g');
});

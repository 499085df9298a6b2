import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bytesInput } from '../fhir/file-input.js';
import { detectFormat } from '../../detect/detect.js';
import { extractHl7, hl7v2Adapter } from './index.js';
import { checkResource } from './validate.js';
import { SHARED_CORPUS } from '../../../test/helpers/corpus.js';

const MSH = (id: string, type = 'ORU^R01') => `MSH|^~\\&|LAB|FAC|EHR|FAC|20200304||${type}|${id}|P|2.5.1`;

test('a batch keeps every good message and reports the bad one', () => {
  const text = [
    'FHS|^~\\&|LAB', 'BHS|^~\\&|LAB',
    MSH('A'), 'PID|1||1^^^H||ONE^PAT', 'OBR|1||F|X^x^L', 'OBX|1|NM|X^x^L||1',
    'MSH|', 'PID|1||2^^^H||TWO^PAT',
    MSH('C'), 'PID|1||3^^^H||THREE^PAT', 'OBR|1||F|X^x^L', 'OBX|1|NM|X^x^L||3',
    'BTS|3', 'FTS|1',
  ].join('\r');
  const e = extractHl7(text);
  const errors = e.issues.filter((i) => i.severity === 'error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0].code, 'bad-message');
  assert.equal(errors[0].location?.line, 7);
  assert.deepEqual(Object.keys(e.subjects ?? {}), ['H|1', 'H|3']);
  const obs = e.resources.filter((r) => r.resource.resourceType === 'Observation');
  assert.deepEqual(obs.map((r) => [r.resource.id, r.subject, r.location.line]), [['m1-obx1', 'H|1', 6], ['m3-obx1', 'H|3', 12]]);
});

test('Z-segments are ignored with an information issue', () => {
  const e = extractHl7([MSH('Z', 'ADT^A08'), 'PID|1||1^^^H', 'ZPD|1|custom', 'ZVN|x'].join('\r'));
  const z = e.issues.filter((i) => i.code === 'z-segment');
  assert.equal(z.length, 1);
  assert.equal(z[0].severity, 'information');
  assert.match(z[0].message, /ZPD, ZVN/);
});

test('garbage, empty and truncated input never throw', async () => {
  for (const bad of ['', 'hello', 'MSH', 'MSH|^~', 'PID|1||1', 'MSH|^~\\&\rOBX|1|SN|X||^^^', 'MSH|^~\\&|' + '|'.repeat(5000), '\u0000\u0001']) {
    const e = await hl7v2Adapter.extract(bytesInput('x.hl7', bad, 'hl7v2'));
    assert.ok(Array.isArray(e.resources) && Array.isArray(e.issues), JSON.stringify(bad.slice(0, 20)));
  }
  const none = extractHl7('PID|1||1');
  assert.equal(none.issues[0].severity, 'error');
  assert.match(none.issues[0].message, /no MSH/);
});

test('Latin-1 bytes are read as Latin-1 and said so', async () => {
  const bytes = Buffer.from(`${MSH('L', 'ADT^A08')}\rPID|1||1^^^H||M\xfcller^J\xfcrgen`, 'latin1');
  const e = await hl7v2Adapter.extract(bytesInput('l.hl7', bytes, 'hl7v2'));
  assert.equal(Object.values(e.subjects!)[0].family, 'Müller');
  assert.ok(e.issues.some((i) => i.code === 'charset'));
});

const corpus = join(SHARED_CORPUS, 'hl7v2');
const walk = (d: string, o: string[] = []): string[] => {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p, o);
    else o.push(p);
  }
  return o;
};

test('corpus: every HL7 v2 file maps without crash, every result OBX is accounted for, every resource passes the check', { skip: !existsSync(corpus) && `shared corpus not present at ${corpus}` }, async () => {
  let files = 0;
  for (const f of walk(corpus)) {
    const bytes = readFileSync(f);
    if (detectFormat(bytes.subarray(0, 65536), bytes.length) !== 'hl7v2') continue;
    files++;
    const e = await hl7v2Adapter.extract(bytesInput(f, bytes, 'hl7v2'));
    for (const r of e.resources) {
      assert.deepEqual(checkResource(r.resource), [], `${f} ${r.location.segment}`);
      assert.match(r.location.segment ?? '', /^[A-Z][A-Z0-9]{2}\[\d+\]$/);
      assert.ok(r.location.line! >= 1);
    }
    assert.ok(!e.issues.some((i) => i.code === 'map-failed'), f);
  }
  assert.ok(files >= 100, `${files} files`);
});

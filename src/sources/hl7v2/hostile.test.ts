// Hostile sizes (session 12): inputs a mutation fuzzer found slow, built here in code. Each must
// be read in time proportional to its size, so a stranger's file cannot hold the worker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Observation } from '@medplum/fhirtypes';
import { extractHl7 } from './index.js';

const MSH = 'MSH|^~\\&|LAB|FAC|EHR|FAC|20200304130000-0500||ORU^R01^ORU_R01|C1|P|2.5.1';

test('an order with 20,000 results then a specimen is read in seconds, every result given the specimen', () => {
  const n = 20_000;
  const obx = Array.from({ length: n }, (_, i) => `OBX|${i + 1}|NM|2345-7^Glucose^LN||${90 + (i % 10)}|mg/dL|70-99|N|||F`);
  const text = [MSH, 'PID|1||42^^^LAB^MR||DOE^JANE||19700101|F', 'OBR|1|P1|F1|24323-8^Panel^LN|||20200304083000', ...obx, 'SPM|1|S1||119297000^Blood^SCT'].join('\r');
  const t0 = performance.now();
  const e = extractHl7(text);
  const ms = performance.now() - t0;
  const results = e.resources.filter((r) => r.resource.resourceType === 'Observation').map((r) => r.resource as Observation);
  assert.equal(results.length, n);
  assert.ok(results.every((o) => o.specimen?.reference === 'Specimen/m1-spm1'));
  // Linear work is well under a second here; the old search of all resources per result took minutes.
  assert.ok(ms < 10_000, `took ${Math.round(ms)} ms`);
});

test('a 200,000-digit run in a number or a reference range is read in milliseconds, kept as text', () => {
  const digits = '9'.repeat(100_000);
  const text = [MSH, 'PID|1||42^^^LAB^MR||DOE^JANE||19700101|F', 'OBR|1|P1|F1|24323-8^Panel^LN', `OBX|1|NM|2345-7^Glucose^LN||${digits}-${digits}x|mg/dL|<1${digits}${digits}x|N|||F`].join('\r');
  const t0 = performance.now();
  const e = extractHl7(text);
  const ms = performance.now() - t0;
  const [o] = e.resources.filter((r) => r.resource.resourceType === 'Observation').map((r) => r.resource as Observation);
  assert.equal(o.valueString?.length, 200_002);
  assert.equal(o.referenceRange?.[0].text?.length, 200_003);
  // The number patterns used to backtrack quadratically before failing: 10 s for this OBX-5, minutes for a 2.5 MB OBX-7.
  assert.ok(ms < 2_000, `took ${Math.round(ms)} ms`);
});

test('a segment holding 300,000 vertical tabs before more text is read in milliseconds', () => {
  const text = [MSH, 'PID|1||42^^^LAB^MR||DOE^JANE||19700101|F', `NTE|1||note${'\x0b'.repeat(300_000)}end`].join('\r');
  const t0 = performance.now();
  const e = extractHl7(text);
  const ms = performance.now() - t0;
  assert.ok(e.resources.some((r) => r.resource.resourceType === 'Patient'));
  // Framing characters (MLLP \x0b, \x1c) were trimmed by `[\x1c\x0b]+$`, quadratic over a run inside the line.
  assert.ok(ms < 2_000, `took ${Math.round(ms)} ms`);
});

// Session 14: a message's resources were appended with `push(...list)`, which throws "Maximum call
// stack size exceeded" past ~125,000 items: a message of 150,000 results ended `map-failed` with
// nothing read (found by a crafted-input probe; 300,000 OBX: 31 s, then nothing).
test('an order with 150,000 results is read whole, not lost to the size of its list', () => {
  const n = 150_000;
  const obx = Array.from({ length: n }, (_, i) => `OBX|${i + 1}|NM|2345-7^Glucose^LN||${90 + (i % 10)}|mg/dL|70-99|N|||F`);
  const text = [MSH, 'PID|1||42^^^LAB^MR||DOE^JANE||19700101|F', 'OBR|1|P1|F1|24323-8^Panel^LN|||20200304083000', ...obx].join('\r');
  const e = extractHl7(text);
  assert.deepEqual(e.issues.filter((i) => i.code === 'map-failed'), []);
  assert.equal(e.resources.filter((r) => r.resource.resourceType === 'Observation').length, n);
});

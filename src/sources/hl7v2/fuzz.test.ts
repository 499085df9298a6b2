import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { extractHl7 } from './index.js';
import { checkResource } from './validate.js';

// Segments built from HL7-looking pieces: delimiters, escapes, dates, numbers, codes.
const piece = fc.oneof(
  fc.constantFrom('|', '^', '~', '&', '\\', '\\F\\', '\\S\\', '\\X0D\\', '\\.br\\', '""', '', ' '),
  fc.constantFrom('20200304123000-0500', '2020', '202013', '0000', '<5', '^10^-^20', '>^3', '1.5', '-', 'LN', 'F', 'ED', 'NM', 'SN', 'CWE', 'TX', 'Base64', 'JVBERi0='),
  fc.string({ maxLength: 6 }),
);
const segment = fc.tuple(fc.constantFrom('PID', 'PV1', 'OBR', 'OBX', 'NTE', 'RXA', 'RXR', 'ORC', 'RXE', 'RXO', 'AL1', 'DG1', 'PRB', 'TXA', 'SCH', 'AIP', 'AIL', 'SPM', 'ZZ1', 'MSH', 'BHS'), fc.array(piece, { maxLength: 40 })).map(([id, parts]) => `${id}|${parts.join('')}`);
const type = fc.constantFrom('ORU^R01', 'VXU^V04', 'RDE^O11', 'ORM^O01', 'ADT^A01', 'ADT^A40', 'MDM^T02', 'SIU^S12', 'OUL^R22', '', 'XYZ');

test('random HL7-like messages: never a throw, never a mapper failure, every resource well formed', () => {
  fc.assert(
    fc.property(type, fc.array(segment, { maxLength: 25 }), fc.constantFrom('\r', '\n', '\r\n'), (t, segs, sep) => {
      const e = extractHl7([`MSH|^~\\&|A|B|C|D|20200101||${t}|1|P|2.5`, ...segs].join(sep));
      assert.deepEqual(e.issues.filter((i) => i.code === 'map-failed'), []);
      for (const r of e.resources) assert.deepEqual(checkResource(r.resource), [], JSON.stringify(r.resource));
    }),
    { numRuns: 400, seed: 7 },
  );
});

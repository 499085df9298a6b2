import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { decodeText, sniffEncoding, UnsupportedEncodingError, utf8Stream } from './encoding.js';
import { utf16, utf8bom } from '../../test/helpers/encodings.js';

const sample = '{"resourceType":"Patient","name":[{"family":"Müller-Łukasz 日本"}]}\n';

test('UTF-8 (with or without BOM) and UTF-16 with BOM decode to the same text, BOM dropped', () => {
  for (const bytes of [Buffer.from(sample), utf8bom(sample), utf16(sample, 'le'), utf16(sample, 'be')]) {
    assert.equal(decodeText(bytes), sample);
  }
});

test('UTF-32 and UTF-16 without BOM are refused with a message saying what to do', () => {
  const utf32le = Buffer.alloc(sample.length * 4);
  [...'\ufeff{"a":1}'].forEach((ch, i) => utf32le.writeUInt32LE(ch.codePointAt(0)!, i * 4));
  for (const [bytes, what] of [[utf32le, /UTF-32/], [utf16(sample, 'le', false), /UTF-16 little-endian without a byte order mark/], [utf16(sample, 'be', false), /UTF-16 big-endian/]] as const) {
    assert.ok('unsupported' in sniffEncoding(bytes));
    assert.throws(() => decodeText(bytes), (err: unknown) => err instanceof UnsupportedEncodingError && what.test(err.message) && /Save it as UTF-8/.test(err.message));
  }
});

test('utf8Stream transcodes UTF-16 split at any byte into UTF-8 and passes UTF-8 through', async () => {
  const text = sample.repeat(50);
  for (const bytes of [utf16(text, 'le'), utf16(text, 'be'), utf8bom(text), Buffer.from(text)]) {
    for (const size of [1, 3, 7, 4096]) {
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      const out: Buffer[] = [];
      for await (const b of utf8Stream(Readable.from(chunks))) out.push(b);
      assert.equal(Buffer.concat(out).toString('utf8'), text, `chunks of ${size}`);
    }
  }
  await assert.rejects(async () => {
    for await (const _ of utf8Stream(Readable.from([utf16(text, 'le', false)]))) void _;
  }, UnsupportedEncodingError);
});

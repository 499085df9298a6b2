import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Extraction } from '../../core/types.js';
import { decodeText, textAdapter, textToExtraction } from './index.js';

test('text is split into pages at form feeds and kept searchable', () => {
  const x = textToExtraction('VA Blue Button\r\nPage one\f\fPage two: Lisinopril 10 mg\n');
  assert.deepEqual(x.pages?.map((p) => [p.page, p.text]), [[1, 'VA Blue Button\nPage one'], [3, 'Page two: Lisinopril 10 mg']]);
});

test('legacy Windows-1252 text decodes instead of turning into replacement characters', () => {
  assert.equal(decodeText(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72])), 'Müller');
  assert.equal(decodeText(Buffer.from('Müller', 'utf8')), 'Müller');
});

test('an empty text says so', () => {
  assert.equal(textToExtraction('  \n ').issues[0].code, 'blank');
});

test('an HTML note is read as its visible text: no tags, no script', async () => {
  const html = '<html><body><p>Benign &amp; clear</p><script>alert(1)</script><div>Follow up in 6&nbsp;months</div></body></html>';
  const x = (await textAdapter.extract({ filename: 'DiagnosticReport-r1-1.html', format: 'text', size: html.length, bytes: async () => Buffer.from(html), stream: () => { throw new Error('not used'); } } as never)) as Extraction;
  assert.equal(x.pages?.[0].text, 'Benign & clear\nFollow up in 6 months');
});

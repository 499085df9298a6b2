import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentRecord } from '../store/documents.js';
import { attentionOf } from './attention.js';

function doc(p: Partial<DocumentRecord>): DocumentRecord {
  return { id: 'x', sha256: 's', channel: 'upload', filename: 'f', format: 'pdf', size: 1, state: 'done', issues: [], label: {}, createdAt: '', updatedAt: '', scope: '', personId: 'p', ...p };
}

test('failed first, with the reason and what to do; finished documents of a person need nothing', () => {
  const items = attentionOf([
    doc({ id: 'ok' }),
    doc({ id: 'wait', personId: undefined, label: { needsPerson: true } }),
    doc({ id: 'empty', filename: 'scan.pdf', format: 'empty', state: 'failed', error: 'the file is empty (0 bytes)', personId: undefined }),
    doc({ id: 'dcm', state: 'unsupported', error: 'no reader for tiff files yet' }),
  ]);
  assert.deepEqual(items.map((i) => i.documentId), ['empty', 'dcm', 'wait']);
  assert.match(items[0].message, /scan\.pdf: the file is empty/);
  assert.match(items[0].action, /nothing in it/);
  assert.equal(items[2].kind, 'needs-person');
});

test("a chained directory file of an imaging disc asks for no owner: its study is read with the disc", () => {
  const items = attentionOf([
    doc({ id: 'dirfile', filename: 'DIRFILE', format: 'dicom', personId: undefined, issues: [{ severity: 'information', code: 'directory-part', message: 'part of a chained DICOMDIR' }] }),
    doc({ id: 'report', filename: 'letter.pdf', personId: undefined }),
  ]);
  assert.deepEqual(items.map((i) => i.documentId), ['report']);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listCorpusFiles } from './corpus-files.js';

test('corpus files: sorted, hidden skipped, broken links and link loops survived', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
  fs.mkdirSync(path.join(dir, 'b'));
  fs.writeFileSync(path.join(dir, 'b', 'two.xml'), 'x');
  fs.writeFileSync(path.join(dir, 'a.json'), '{}');
  fs.writeFileSync(path.join(dir, '.hidden.json'), '{}');
  fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'broken.json'));
  fs.symlinkSync(dir, path.join(dir, 'b', 'loop'));
  assert.deepEqual(listCorpusFiles(dir).map((p) => path.relative(dir, p)), ['a.json', 'b/two.xml']);
  assert.deepEqual(listCorpusFiles(dir, (n) => n.endsWith('.xml')).map((p) => path.relative(dir, p)), ['b/two.xml']);
});

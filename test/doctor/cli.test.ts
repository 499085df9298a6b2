// answers, form, ips and share from the command line: a real process, a real data folder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { tempDir } from '../helpers/vessels.js';
import { fixtureBundle } from './fixture.js';

const BIN = path.resolve('bin/vessel.js');

function vessel(dataDir: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, VESSEL_DATA: dataDir, VESSEL_KEY: '', VESSEL_DATABASE_URL: '' }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('vessel answers / ips / form / share', async () => {
  const data = tempDir();
  const out = tempDir();
  try {
    fs.writeFileSync(path.join(out, 'summary.json'), JSON.stringify(fixtureBundle()));
    const imp = vessel(data, 'import', path.join(out, 'summary.json'));
    assert.equal(imp.code, 0, imp.err);

    const ans = vessel(data, 'answers', 'Ann', '--json');
    assert.equal(ans.code, 0, ans.err);
    const answers = JSON.parse(ans.out) as Array<{ id: string; date?: string; value: string }>;
    assert.equal(answers.find((a) => a.id === 'tetanus')!.date, '2019-05-01');
    assert.equal(answers.find((a) => a.id === 'mammogram')!.value, 'not found in your records');

    const ips = vessel(data, 'ips', 'Ann', '--out', path.join(out, 'ips.json'));
    assert.equal(ips.code, 0, ips.err);
    assert.equal(JSON.parse(fs.readFileSync(path.join(out, 'ips.json'), 'utf8')).type, 'document');

    const pdf = vessel(data, 'form', 'Ann', '--out', path.join(out, 'form.pdf'));
    assert.equal(pdf.code, 0, pdf.err);
    assert.equal(fs.readFileSync(path.join(out, 'form.pdf')).subarray(0, 5).toString(), '%PDF-');
    const html = vessel(data, 'form', 'Ann', '--html', '--out', path.join(out, 'form.html'));
    assert.equal(html.code, 0, html.err);
    assert.match(fs.readFileSync(path.join(out, 'form.html'), 'utf8'), /href="form.css"/);
    assert.ok(fs.existsSync(path.join(out, 'form.css')));

    const sh = vessel(data, 'share', 'create', 'Ann', '--what', 'ips', '--expires', '7d', '--passcode', 'abcd1234', '--origin', 'https://vessel.example');
    assert.equal(sh.code, 0, sh.err);
    assert.match(sh.out.trim(), /^https:\/\/vessel\.example\/shl\/view#shlink:\/[A-Za-z0-9_-]+$/);
    const list = JSON.parse(vessel(data, 'share', 'list', '--json').out) as Array<{ id: string; passcode: boolean }>;
    assert.equal(list.length, 1);
    assert.equal(list[0].passcode, true);
    assert.equal(vessel(data, 'share', 'revoke', list[0].id).code, 0);
    assert.deepEqual(JSON.parse(vessel(data, 'share', 'list', '--json').out), []);

    const nobody = vessel(data, 'answers', 'Zed');
    assert.equal(nobody.code, 2);
  } finally {
    fs.rmSync(data, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
});

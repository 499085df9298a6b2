import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHl7, readDelimiters, segments, unescapeHl7, DEFAULT_DELIMITERS } from './parse.js';

const MSH = 'MSH|^~\\&|APP|FAC|RCV|RFAC|20200304123000-0500||ORU^R01^ORU_R01|CTRL1|P|2.5.1';

test('segment separators \\r, \\n and \\r\\n all split segments and keep line numbers', () => {
  for (const sep of ['\r', '\n', '\r\n']) {
    const p = parseHl7([MSH, 'PID|1||123', 'OBX|1|NM|X||1', 'OBX|2|NM|Y||2'].join(sep));
    assert.equal(p.messages.length, 1);
    const m = p.messages[0];
    assert.equal(m.type, 'ORU');
    assert.equal(m.trigger, 'R01');
    assert.equal(m.controlId, 'CTRL1');
    assert.deepEqual(m.segments.map((s) => `${s.name}[${s.occurrence}]@${s.line}`), ['MSH[1]@1', 'PID[1]@2', 'OBX[1]@3', 'OBX[2]@4']);
  }
});

test('MSH fields are numbered as in the standard (MSH-9 is fields[9])', () => {
  const [msh] = segments(parseHl7(MSH).messages[0]);
  assert.equal(msh.rawField(1), '|');
  assert.equal(msh.rawField(2), '^~\\&');
  assert.equal(msh.get(9, 2), 'R01');
  assert.equal(msh.get(12), '2.5.1');
});

test('custom delimiters from MSH-1/MSH-2', () => {
  const p = parseHl7('MSH#!@%*#S#F#R#F#20260301120000##ADT!A01#M7#P#2.5\nPID#1##12345!!!MRN*1.2.3*ISO@999!!!SSA##DOE!JOHN!A##19800101#M\n');
  const m = p.messages[0];
  assert.deepEqual(m.delimiters, { field: '#', component: '!', repetition: '@', escape: '%', subcomponent: '*' });
  assert.equal(m.type, 'ADT');
  const pid = segments(m)[1];
  assert.equal(pid.reps(3).length, 2);
  assert.equal(pid.get(3, 4, 2), '1.2.3');
  assert.equal(pid.get(5, 2), 'JOHN');
});

test('escape sequences are decoded after splitting', () => {
  const d = DEFAULT_DELIMITERS;
  assert.equal(unescapeHl7('a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f', d), 'a|b^c&d~e\\f');
  assert.equal(unescapeHl7('line1\\.br\\line2\\X0D0A\\x', d), 'line1\nline2\r\nx');
  assert.equal(unescapeHl7('\\H\\bold\\N\\ \\.sp2\\end', d), 'bold \nend');
  assert.equal(unescapeHl7('C:\\path', d), 'C:\\path', 'an unterminated escape is kept');
  const [, obx] = segments(parseHl7(`${MSH}\rOBX|1|ST|X||pipe \\F\\ caret \\S\\ amp \\T\\`).messages[0]);
  assert.equal(obx.text(5), 'pipe | caret ^ amp &');
  assert.equal(obx.get(5), 'pipe | caret ^ amp &');
});

test('repetitions (~) and empty/"" values', () => {
  const [, pid] = segments(parseHl7(`${MSH}\rPID|1||A^^^X~B^^^Y~""||""`).messages[0]);
  assert.deepEqual(pid.reps(3).map((r) => r[0][0]), ['A', 'B']);
  assert.equal(pid.get(5), '');
  assert.equal(pid.get(99), '');
});

test('a batch (FHS/BHS … BTS/FTS) splits at each MSH; envelope segments are not messages', () => {
  const text = ['FHS|^~\\&|A', 'BHS|^~\\&|A', MSH, 'PID|1||1', MSH.replace('CTRL1', 'CTRL2'), 'PID|1||2', 'BTS|2', 'FTS|1'].join('\r\n');
  const p = parseHl7(text);
  assert.equal(p.messages.length, 2);
  assert.deepEqual(p.envelope.map((s) => s.name), ['FHS', 'BHS', 'BTS', 'FTS']);
  assert.deepEqual(p.messages.map((m) => [m.index, m.line, m.controlId, m.segments.length]), [[1, 3, 'CTRL1', 2], [2, 5, 'CTRL2', 2]]);
});

test('no MSH or bad delimiters: the message carries an error, the next one is read', () => {
  const p = parseHl7(['PID|1||1', 'PV1|1|I', 'MSH|ABCD', 'PID|1||2', MSH, 'PID|1||3'].join('\r'));
  assert.equal(p.messages.length, 3);
  assert.match(p.messages[0].error!, /no MSH/);
  assert.match(p.messages[1].error!, /bad field separator|encoding/);
  assert.equal(p.messages[2].error, undefined);
  assert.equal(p.messages[2].segments.length, 2);
  assert.equal(typeof readDelimiters('MSH|^'), 'string');
});

test('lines that are not segments are skipped with a warning', () => {
  const m = parseHl7(`${MSH}\rPIDX|1\rPV|1\rOBX|1|ST|X||ok`).messages[0];
  assert.deepEqual(m.segments.map((s) => s.name), ['MSH', 'OBX']);
  assert.equal(m.warnings.length, 2);
  assert.equal(m.warnings[0].line, 2);
});

test('a bare \\n inside a CR-terminated message is a line break in the field, not a new segment', () => {
  for (const sep of ['\r', '\r\n']) {
    const text = [MSH, 'OBX|1|FT|8251-1^Comment^LN||Fasting sample.\nRepeat in 3 months.||||||F', 'OBX|2|NM|2093-3^Chol^LN||212|mg/dL|<200|H|||F'].join(sep);
    const m = parseHl7(text).messages[0];
    assert.deepEqual(m.segments.map((s) => `${s.name}@${s.line}`), ['MSH@1', 'OBX@2', 'OBX@4']);
    assert.equal(m.warnings.length, 0);
    const [, obx1] = segments(m);
    assert.equal(obx1.text(5), 'Fasting sample.\nRepeat in 3 months.');
    assert.equal(obx1.get(11), 'F');
  }
  // A bare \n that opens a segment still starts one (mixed terminators), and an LF-only input keeps skipping.
  const mixed = parseHl7(`${MSH}\rPID|1||1\nOBX|1|ST|X||ok`).messages[0];
  assert.deepEqual(mixed.segments.map((s) => s.name), ['MSH', 'PID', 'OBX']);
  const lf = parseHl7(`${MSH}\nOBX|1|ST|X||a\nb||||||F`).messages[0];
  assert.equal(lf.warnings.length, 1);
});

test('a UTF-8 BOM and MLLP framing bytes are ignored', () => {
  const p = parseHl7(`\uFEFF\x0b${MSH}\rPID|1||1\x1c\r`);
  assert.equal(p.messages.length, 1);
  assert.equal(p.messages[0].type, 'ORU');
  assert.equal(p.messages[0].segments.length, 2);
});

/**
 * Every lab result a run of lines prints, whatever the layout: table rows (labs.ts), blocks of
 * labelled lines (lab-blocks.ts), sentences of a results letter (lab-prose.ts), raw HL7 OBX segments
 * (lab-hl7.ts). Pure.
 */
import { parseLabBlocks, type LabBlockRow } from './lab-blocks.js';
import { parseLabGrids, type LabGridRow } from './lab-grid.js';
import { parseLabHistories, type LabHistoryRow } from './lab-history.js';
import { parseLabHl7, type LabHl7Row } from './lab-hl7.js';
import { parseLabProse } from './lab-prose.js';
import { flagsFromRanges } from './lab-range-flags.js';
import type { LabRow } from './lab-row.js';
import { parseLabRows } from './labs.js';
import type { Line } from './lines.js';

/**
 * Every lab result of these lines: results a letter states as sentences, grids with the tests
 * across (their lines read as nothing else), the table rows on lines no sentence or grid was read
 * from (a sentence's line read as a row is its words' jumble), then block rows on lines no table
 * row was read from.
 */
export function labResultRows(lines: Line[]): Array<LabRow | LabBlockRow | LabGridRow | LabHl7Row | LabHistoryRow> {
  // Raw HL7 OBX segments printed on the page: their lines are read as nothing else.
  const all = lines;
  const hl7 = parseLabHl7(lines);
  if (hl7.length) {
    const segLines = new Set(hl7.map((r) => `${r.page}:${r.segmentLine}`));
    lines = lines.filter((l) => !segLines.has(`${l.page}:${l.index}`));
  }
  // One test's draws as dated rows under a heading naming it (lab-history.ts): the newest draw, its lines read as nothing else.
  const histories = parseLabHistories(lines);
  if (histories.length) {
    const historyLines = new Set(histories.flatMap((r) => r.historyLines.map((i) => `${r.page}:${i}`)));
    lines = lines.filter((l) => !historyLines.has(`${l.page}:${l.index}`));
  }
  const prose = parseLabProse(lines);
  const proseLines = new Set(prose.map((r) => `${r.page}:${r.lineIndex}`));
  // A sentence runs over the line after the one it starts on.
  for (const r of prose) proseLines.add(`${r.page}:${r.lineIndex + 1}`);
  const grids = parseLabGrids(lines);
  const gridLines = new Set(grids.flatMap((r) => r.gridLines.map((i) => `${r.page}:${i}`)));
  const rest = gridLines.size ? lines.filter((l) => !gridLines.has(`${l.page}:${l.index}`)) : lines;
  const tableRows = parseLabRows(rest).filter((r) => !prose.length || !proseLines.has(`${r.page}:${r.lineIndex}`));
  const used = new Set(tableRows.map((r) => `${r.page}:${r.lineIndex}`));
  const rows = [...hl7, ...histories, ...prose, ...grids, ...tableRows, ...parseLabBlocks(rest).filter((b) => !b.blockLines.some((i) => used.has(`${b.page}:${i}`)))];
  // A line of a bill (a claim's service line: "85025 Complete CBC w/ auto diff WBC   1   $49.15   $22.61 ...") names a
  // test and a count, not a result: a line printing two dollar amounts or more is no lab row. Session 22 (p-2105).
  const billed = new Set(all.filter((l) => (l.text.match(/\$\s?\d/g) ?? []).length >= 2).map((l) => `${l.page}:${l.index}`));
  const results = billed.size ? rows.filter((r) => !billed.has(`${r.page}:${r.lineIndex}`)) : rows;
  // A report that prints no flag but prints ranges: flags read from the value against its range.
  return onceEach(flagsFromRanges(results, all), all);
}

/**
 * A result printed twice in one document, a summary box ("abnormal results", "critical values") then
 * the full table: the same test, value and unit (and collection date, where read) is one result, the
 * later printing kept (the table's). Session 19 (set-p class 2).
 */
function onceEach<T extends LabRow & { effective?: string }>(rows: T[], lines: Line[]): T[] {
  const key = (r: T) => [(r.loinc ?? r.name).toLowerCase(), r.numeric ?? r.value.toLowerCase(), (r.ucum ?? r.unit ?? '').toLowerCase(), r.effective ?? ''].join('|');
  const byKey = new Map<string, T[]>();
  for (const r of rows) byKey.set(key(r), [...(byKey.get(key(r)) ?? []), r]);
  if ([...byKey.values()].every((g) => g.length < 2)) return rows;
  // Printed lines counted in order (blank lines apart).
  const ordinal = new Map<string, number>();
  for (const l of lines) if (l.text.trim()) ordinal.set(`${l.page}:${l.index}`, ordinal.size);
  const at = (r: T) => ordinal.get(`${r.page}:${r.lineIndex}`) ?? -1;
  // Dropped: a row printed again further on, two printed lines down or more (rows read from one line, or from a
  // sentence run over the next, are the parsers' business).
  const reprinted = (r: T) => byKey.get(key(r))!.some((o) => at(o) >= at(r) + 2 && at(r) >= 0);
  return rows.filter((r) => !reprinted(r));
}

/**
 * A summary PDF for a visit: the key lists (medications, allergies, active problems, recent
 * vaccines) and trend charts of chosen labs and vitals over a chosen period, drawn with
 * pdf-lib lines, each chart naming the documents its points came from. The chart data is
 * computed by a pure function (`trendSeries`) the tests check directly.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import type { Snapshot } from '../doctor/snapshot.js';
import { describeSource } from '../doctor/snapshot.js';
import { currentAllergies, currentMedications, trendOf } from '../doctor/answers.js';
import { labGroup } from '../record/normalize/codes.js';
import { PAGE, winAnsi, wrap, Writer } from '../doctor/form-pdf.js';

export const DEFAULT_TESTS = ['hba1c', 'ldl', 'creatinine', 'egfr', 'tsh', 'bp-systolic', 'bp-diastolic', 'weight'];

export interface SummaryOptions {
  /** Period, inclusive, as YYYY[-MM[-DD]]. */
  from?: string;
  to?: string;
  /** Test groups to chart (lab-groups.json ids). */
  tests?: string[];
  now?: string;
}

export interface TrendSeries {
  group: string;
  title: string;
  unit?: string;
  points: Array<{ date: string; value: number }>;
  sources: string[];
}

const inPeriod = (d: string, from?: string, to?: string) => (!from || d.slice(0, from.length) >= from) && (!to || d.slice(0, to.length) <= to);

/** Numeric points of each chosen test in the period, oldest first, in one unit each. */
export function trendSeries(s: Snapshot, opts: SummaryOptions = {}): TrendSeries[] {
  const out: TrendSeries[] = [];
  for (const group of opts.tests ?? DEFAULT_TESTS) {
    const kind = ['bp-systolic', 'bp-diastolic', 'weight', 'height', 'bmi', 'heart-rate', 'temperature', 'spo2', 'respiratory-rate'].includes(group) ? 'vitals' : 'results';
    const trend = trendOf(s, [group], kind).filter((t) => t.number != null && t.date && inPeriod(t.date, opts.from, opts.to));
    if (!trend.length) continue;
    // One unit per chart: the most common one.
    const counts = new Map<string, number>();
    for (const t of trend) counts.set(t.unit ?? '', (counts.get(t.unit ?? '') ?? 0) + 1);
    const unit = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const pts = trend.filter((t) => (t.unit ?? '') === unit);
    out.push({
      group,
      title: labGroup(group)?.display ?? group,
      unit: unit || undefined,
      points: pts.map((t) => ({ date: t.date!.slice(0, 10), value: t.number! })),
      sources: [...new Set(pts.map((t) => describeSource(t.source)).filter(Boolean))],
    });
  }
  return out;
}

/** The tests a person's record can chart (results and vitals with numbers), most results first. */
export function chartableTests(s: Snapshot): Array<{ id: string; display: string; results: number; usual: boolean }> {
  const counts = new Map<string, number>();
  for (const it of [...s.items.results, ...s.items.vitals]) {
    const group = it.block.split('|')[0];
    if (!labGroup(group) || !it.date || (it.normalized?.value ?? it.value?.value) == null) continue;
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([id, results]) => ({ id, display: labGroup(id)!.display, results, usual: DEFAULT_TESTS.includes(id) }))
    .sort((a, b) => b.results - a.results || a.display.localeCompare(b.display));
}

function dayNumber(d: string): number {
  const full = d.length === 4 ? `${d}-07-01` : d.length === 7 ? `${d}-15` : d.slice(0, 10);
  return Date.parse(`${full}T00:00:00Z`) / 864e5;
}

function niceRange(min: number, max: number): [number, number] {
  if (min === max) return [min - Math.abs(min || 1) * 0.1, max + Math.abs(max || 1) * 0.1];
  const pad = (max - min) * 0.1;
  return [min - pad, max + pad];
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2)).replace(/\.?0+$/, '');

function drawChart(w: Writer, series: TrendSeries): void {
  const h = 120;
  const left = PAGE.margin + 40;
  const width = PAGE.width - PAGE.margin - left;
  w.ensure(h + 70);
  w.text(`${series.title}${series.unit ? ` (${series.unit})` : ''}`, 11, w.bold);
  const top = w.y - 4;
  const bottom = top - h;
  const grey = rgb(0.6, 0.6, 0.6);
  w.page.drawLine({ start: { x: left, y: bottom }, end: { x: left + width, y: bottom }, thickness: 0.7, color: grey });
  w.page.drawLine({ start: { x: left, y: bottom }, end: { x: left, y: top }, thickness: 0.7, color: grey });
  const vals = series.points.map((p) => p.value);
  const [lo, hi] = niceRange(Math.min(...vals), Math.max(...vals));
  const days = series.points.map((p) => dayNumber(p.date));
  const d0 = Math.min(...days);
  const d1 = Math.max(...days);
  const xOf = (d: number) => (d1 === d0 ? left + width / 2 : left + 10 + ((d - d0) / (d1 - d0)) * (width - 20));
  const yOf = (v: number) => bottom + ((v - lo) / (hi - lo)) * h;
  for (const v of [lo, (lo + hi) / 2, hi]) {
    w.page.drawLine({ start: { x: left - 3, y: yOf(v) }, end: { x: left + width, y: yOf(v) }, thickness: 0.2, color: rgb(0.85, 0.85, 0.85) });
    w.page.drawText(fmt(v), { x: PAGE.margin, y: yOf(v) - 3, size: 7, font: w.font, color: grey });
  }
  const pts = series.points.map((p, i) => ({ x: xOf(days[i]), y: yOf(p.value), p }));
  for (let i = 1; i < pts.length; i++) w.page.drawLine({ start: pts[i - 1], end: pts[i], thickness: 1.4, color: rgb(0.1, 0.3, 0.7) });
  let lastLabelX = -Infinity;
  for (const q of pts) {
    w.page.drawCircle({ x: q.x, y: q.y, size: 2.5, color: rgb(0.1, 0.3, 0.7) });
    w.page.drawText(fmt(q.p.value), { x: q.x - 6, y: q.y + 5, size: 7, font: w.font });
    if (q.x - lastLabelX > 50) {
      w.page.drawText(q.p.date, { x: q.x - 18, y: bottom - 10, size: 6.5, font: w.font, color: grey });
      lastLabelX = q.x;
    }
  }
  w.y = bottom - 16;
  const src = `Sources: ${series.sources.join('; ') || 'not recorded'}`;
  for (const line of wrap(src, w.font, 7, PAGE.width - 2 * PAGE.margin)) {
    w.ensure(10);
    w.page.drawText(line, { x: PAGE.margin, y: w.y - 7, size: 7, font: w.font, color: rgb(0.35, 0.35, 0.35) });
    w.y -= 9;
  }
  w.y -= 8;
}

function list(w: Writer, title: string, rows: string[]): void {
  w.ensure(40);
  w.y -= 4;
  w.text(title, 12, w.bold);
  if (!rows.length) return w.text('None in the records.', 9);
  for (const r of rows) w.text(`- ${r}`, 9);
}

export async function summaryPdf(s: Snapshot, opts: SummaryOptions = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(winAnsi(`Visit summary: ${s.person.displayName}`));
  doc.setProducer('Vessel');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const now = (opts.now ?? new Date().toISOString()).slice(0, 10);
  const w = new Writer(doc, font, bold, `Visit summary - ${s.person.displayName} - ${now}`);
  w.text('Visit summary', 18, bold);
  const period = opts.from || opts.to ? `Trends from ${opts.from ?? 'the first record'} to ${opts.to ?? 'today'}.` : 'Trends over all records.';
  w.text(`${s.person.displayName}${s.person.birthDate ? `, born ${s.person.birthDate}` : ''}. Prepared ${now} from the person's own records. ${period}`, 9);
  const src = (ids: string[]) => {
    const d = ids.map((id) => describeSource(s.locations[id] ? { documentId: s.locations[id].documentId, filename: s.documents[s.locations[id].documentId]?.filename ?? '', page: s.locations[id].location.page } : undefined)).find(Boolean);
    return d ? ` [${d}]` : '';
  };
  list(w, 'Current medications', currentMedications(s).map((m) => `${m.display}${m.date ? `, since ${m.date.slice(0, 10)}` : ''}${src(m.resourceIds)}`));
  list(w, 'Allergies', currentAllergies(s).map((a) => `${a.display}${src(a.resourceIds)}`));
  list(w, 'Active problems', s.items.problems.filter((p) => p.status === 'active').map((p) => `${p.display}${p.date ? `, since ${p.date.slice(0, 10)}` : ''}${src(p.resourceIds)}`));
  const latestVaccine = new Map<string, (typeof s.items.immunizations)[number]>();
  for (const i of s.items.immunizations) if (!latestVaccine.has(i.block) || (i.date ?? '') > (latestVaccine.get(i.block)!.date ?? '')) latestVaccine.set(i.block, i);
  list(w, 'Latest vaccines', [...latestVaccine.values()].map((i) => `${i.display}${i.date ? `, ${i.date.slice(0, 10)}` : ''}${src(i.resourceIds)}`));
  const series = trendSeries(s, opts);
  w.y -= 6;
  w.text('Trends', 14, bold);
  if (!series.length) w.text('No results of the chosen tests in this period.', 9);
  for (const t of series) drawChart(w, t);
  return doc.save();
}

/**
 * `vessel eval ccda`: for every CDA document under <corpus>/ccda/** (by content, not
 * extension), the structured entries per section in the XML (nullFlavored placeholders
 * excluded) against the FHIR resources produced — by Vessel's adapter and, side by side, by
 * @medplum/ccda. Also invalid FHIR (dates, empty elements) and narrative kept per section.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Bundle, Composition, CompositionSection, Resource } from '@medplum/fhirtypes';
import { convertCcdaToFhir, convertXmlToCcda } from '@medplum/ccda';
import type { EvalOptions, EvalReport, EvalSuite } from './types.js';
import { detectFormat, HEAD_BYTES } from '../detect/detect.js';
import { extractCda } from '../sources/ccda/extract.js';
import { parseCdaXml, decodeBytes, kid, textOf } from '../sources/ccda/xml.js';
import { listEntries, listSections } from '../sources/ccda/entries.js';
import { collectIds } from '../sources/ccda/narrative.js';
import { invalidities } from '../sources/ccda/validate.js';
import { oncConsensus, oncIntended, type OncDoc } from './ccda-onc.js';
import { listCorpusFiles } from './corpus-files.js';

const EXT = /\.(xml|ccd|ccda|cda|txt)$/i;

export function listFiles(dir: string): string[] {
  return listCorpusFiles(dir, (name) => EXT.test(name));
}

interface Side {
  mapped: Record<string, number>;
  invalid: number;
  narrativeKept: number;
  failed: number;
}

const newSide = (): Side => ({ mapped: {}, invalid: 0, narrativeKept: 0, failed: 0 });
const add = (m: Record<string, number>, k: string, n: number) => (m[k] = (m[k] ?? 0) + n);
const pct = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 100 : 100);

/** Medplum's Composition sections flattened in document order. */
function medplumSections(bundle: Bundle): CompositionSection[] {
  const comp = bundle.entry?.find((e) => e.resource?.resourceType === 'Composition')?.resource as Composition | undefined;
  const out: CompositionSection[] = [];
  const walk = (ss: CompositionSection[] | undefined) => ss?.forEach((s) => (out.push(s), walk(s.section)));
  walk(comp?.section);
  return out;
}

export async function runCcdaEval(corpusDir: string, opts: EvalOptions = {}): Promise<EvalReport & { table?: string }> {
  const dir = join(corpusDir, 'ccda');
  const root = existsSync(dir) ? dir : corpusDir;
  let files = listFiles(root).filter((f) => {
    try {
      const b = readFileSync(f);
      return detectFormat(b.subarray(0, HEAD_BYTES), b.length) === 'cda-xml';
    } catch {
      return false;
    }
  });
  if (opts.limit) files = files.slice(0, opts.limit);

  const inXml: Record<string, number> = {};
  const ours = newSide();
  const theirs = newSide();
  let documents = 0;
  let failed = 0;
  let crashes = 0;
  let narrativeSections = 0;
  const failures: string[] = [];
  const perDoc: OncDoc[] = [];

  for (const file of files) {
    const bytes = readFileSync(file);
    const rel = relative(root, file);
    documents++;
    if (opts.verbose) process.stderr.write(`ccda ${rel}\n`);
    const parsed = parseCdaXml(decodeBytes(bytes));
    const sections = parsed.ok ? listSections(parsed.root) : [];
    const ids = parsed.ok ? collectIds(parsed.root) : new Map<string, string>();
    const expected = sections.map((s) => ({ s, entries: listEntries(s, ids).filter((e) => !e.placeholder) }));
    for (const { s, entries } of expected) add(inXml, s.kind, entries.length);
    const withNarrative = sections.filter((s) => textOf(kid(s.node, 'text')));
    narrativeSections += withNarrative.length;

    // Vessel
    try {
      const x = extractCda(bytes, file);
      const located = new Set(x.resources.map((r) => r.location.xpath));
      for (const i of x.issues) if (i.code === 'duplicate-entry' && i.location?.xpath) located.add(i.location.xpath);
      for (const { s, entries } of expected) add(ours.mapped, s.kind, entries.filter((e) => located.has(e.xpath)).length);
      for (const r of x.resources) if (invalidities(r.resource).length) ours.invalid++;
      const pageOf = new Map((x.pages ?? []).map((p) => [p.page, p.text]));
      for (const s of withNarrative) if ((pageOf.get(s.index) ?? '').length > s.title.length) ours.narrativeKept++;
      const produced = x.resources.length + (x.pages?.length ?? 0) + (x.children?.length ?? 0);
      // As the ingest pipeline judges it: an error and nothing usable (header-only fragments still give a label).
      if (!produced && x.issues.some((i) => i.severity === 'error')) {
        failed++;
        failures.push(`${rel}: ${x.issues.find((i) => i.severity === 'error')?.message ?? 'nothing produced'}`);
      }
      perDoc.push({ file: rel, resources: x.resources.map((r) => r.resource), text: rel.startsWith('jddamore-ccda-samples/') ? decodeBytes(bytes) : undefined });
    } catch (err) {
      crashes++;
      failed++;
      failures.push(`${rel}: CRASH ${err instanceof Error ? err.message : String(err)}`);
    }

    // @medplum/ccda
    const quiet = console.warn;
    const quietLog = console.log;
    try {
      console.warn = console.log = () => {}; // @medplum/ccda prints a line per unhandled value type
      const bundle = convertCcdaToFhir(convertXmlToCcda(decodeBytes(bytes)));
      console.warn = quiet;
      console.log = quietLog;
      const ms = medplumSections(bundle);
      const used = new Set<number>();
      const resolved = new Set((bundle.entry ?? []).map((e) => e.resource && `${e.resource.resourceType}/${e.resource.id}`));
      for (const { s, entries } of expected) {
        let idx = ms.findIndex((m, i) => !used.has(i) && s.code && m.code?.coding?.some((c) => c.code === s.code));
        if (idx < 0) idx = ms.findIndex((m, i) => !used.has(i) && m.title === s.title);
        if (idx < 0) continue;
        used.add(idx);
        const refs = (ms[idx].entry ?? []).filter((r) => r.reference && resolved.has(r.reference)).length;
        add(theirs.mapped, s.kind, Math.min(refs, entries.length));
        if ((ms[idx].text?.div ?? '').replace(/<[^>]*>/g, '').trim() && textOf(kid(s.node, 'text'))) theirs.narrativeKept++;
      }
      for (const e of bundle.entry ?? []) if (e.resource && invalidities(e.resource).length) theirs.invalid++;
      const mine = perDoc[perDoc.length - 1];
      if (mine?.file === rel) mine.medplum = (bundle.entry ?? []).map((e) => e.resource).filter((r): r is Resource => !!r);
    } catch {
      theirs.failed++;
    } finally {
      console.warn = quiet;
      console.log = quietLog;
    }
  }

  const kinds = Object.keys(inXml).sort();
  const total = Object.values(inXml).reduce((a, b) => a + b, 0);
  const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
  const recall = (side: Side) => Object.fromEntries(kinds.filter((k) => inXml[k]).map((k) => [k, pct(side.mapped[k] ?? 0, inXml[k])]));
  const figures = (side: Side) => ({
    entries_in_xml: total,
    entries_mapped: sum(side.mapped),
    entry_recall: pct(sum(side.mapped), total),
    section_recall: recall(side),
    invalid_resources: side.invalid,
    narrative_sections_kept_ratio: narrativeSections ? Math.round((side.narrativeKept / narrativeSections) * 10000) / 10000 : 1,
  });
  const ourFigures = figures(ours);
  const baseline = { ...figures(theirs), failed: theirs.failed };

  const rows = kinds.map((k) => [k, String(inXml[k]), `${ours.mapped[k] ?? 0} (${pct(ours.mapped[k] ?? 0, inXml[k])}%)`, `${theirs.mapped[k] ?? 0} (${pct(theirs.mapped[k] ?? 0, inXml[k])}%)`]);
  rows.push(['TOTAL', String(total), `${ourFigures.entries_mapped} (${ourFigures.entry_recall}%)`, `${baseline.entries_mapped} (${baseline.entry_recall}%)`]);
  rows.push(['failed documents', String(documents), String(failed), String(theirs.failed)]);
  rows.push(['invalid resources', '', String(ours.invalid), String(theirs.invalid)]);
  rows.push(['narrative kept', String(narrativeSections), String(ourFigures.narrative_sections_kept_ratio), String(baseline.narrative_sections_kept_ratio)]);
  const head = ['section', 'entries in XML', 'vessel', '@medplum/ccda'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  const table = [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');

  const metrics: Record<string, unknown> = { ...ourFigures, baseline_medplum: baseline, failures: failures.slice(0, 50) };
  const onc = oncIntended(perDoc);
  if (onc) metrics.onc_intended = onc;
  const consensus = oncConsensus(perDoc);
  if (consensus) metrics.onc_consensus = consensus;
  return { suite: 'ccda', corpus: corpusDir, documents, failed, crashes, metrics, table };
}

export const suite: EvalSuite = {
  name: 'ccda',
  description: 'C-CDA/CDA: entries per section mapped to FHIR, invalid FHIR, narrative kept; side by side with @medplum/ccda',
  category: 'ccda',
  run: (corpusDir, opts) => runCcdaEval(corpusDir, opts),
};

/**
 * `vessel eval hl7v2`: every file under `<corpus>/hl7v2/**` that detectFormat() calls 'hl7v2',
 * through the HL7 v2 adapter. Counts messages (MSH) and segments straight from the text (an
 * oracle independent of the adapter's parser), OBX in results messages (ORU/OUL) against the
 * OBX that produced an Observation or a DocumentReference (ED), resources by type, and resources
 * that fail the structural check (bad dates, empty elements, missing required elements).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Extraction } from '../core/types.js';
import { detectFile, fileInput } from '../sources/fhir/file-input.js';
import { hl7v2Adapter } from '../sources/hl7v2/index.js';
import { checkResource } from '../sources/hl7v2/validate.js';
import type { EvalOptions, EvalReport, EvalSuite } from './types.js';
import { listCorpusFiles } from './corpus-files.js';

const walk = (dir: string): string[] => listCorpusFiles(dir);

interface TextCounts {
  messages: number;
  segments: number;
  /** OBX in ORU/OUL messages, keyed `message#OBX[n]`. */
  resultObx: Set<string>;
  resultMessages: number;
}

/** Counts from the raw text: MSH per message, segments, OBX inside results messages. */
export function countText(text: string): TextCounts {
  const c: TextCounts = { messages: 0, segments: 0, resultObx: new Set(), resultMessages: 0 };
  let isResult = false;
  let obx = 0;
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = raw.replace(/^[\s\x0b\x1c]+/, '');
    if (!/^[A-Z][A-Z0-9]{2}(\W|$)/.test(line)) continue;
    const id = line.slice(0, 3);
    if (['FHS', 'BHS', 'BTS', 'FTS'].includes(id)) continue;
    c.segments++;
    if (id === 'MSH') {
      c.messages++;
      obx = 0;
      const fs = line.charAt(3);
      const type = (line.split(fs)[8] ?? '').slice(0, 3);
      isResult = type === 'ORU' || type === 'OUL';
      if (isResult) c.resultMessages++;
    } else if (id === 'OBX') {
      obx++;
      if (isResult) c.resultObx.add(`${c.messages}#OBX[${obx}]`);
    }
  }
  return c;
}

export async function runHl7v2Eval(corpusDir: string, opts: EvalOptions = {}): Promise<EvalReport & { table?: string }> {
  const root = join(corpusDir, 'hl7v2');
  const report: EvalReport & { table?: string } = { suite: 'hl7v2', corpus: corpusDir, documents: 0, failed: 0, crashes: 0, metrics: {} };
  if (!existsSync(root)) {
    report.metrics = { error: `no hl7v2/ folder under ${corpusDir}` };
    return report;
  }
  let files = walk(root).filter((f) => detectFile(f) === 'hl7v2');
  if (opts.limit) files = files.slice(0, opts.limit);
  const byType: Record<string, { out: number; invalid: number }> = {};
  const issuesByCode: Record<string, number> = {};
  const crashed: Array<{ file: string; error: string }> = [];
  const failedFiles: string[] = [];
  const invalidSamples: string[] = [];
  const missedObx: string[] = [];
  let messages = 0;
  let messagesParsed = 0;
  let segments = 0;
  let obxIn = 0;
  let observationsOut = 0;
  let invalid = 0;
  let pages = 0;
  let children = 0;
  let subjects = 0;
  let ms = 0;

  for (const file of files) {
    const rel = relative(root, file);
    report.documents++;
    if (opts.verbose) process.stderr.write(`hl7v2: ${rel}\n`);
    const text = readFileSync(file, 'utf8');
    const counts = countText(text);
    messages += counts.messages;
    segments += counts.segments;
    obxIn += counts.resultObx.size;
    let e: Extraction;
    const t0 = performance.now();
    try {
      e = await hl7v2Adapter.extract(fileInput(file, 'hl7v2'));
    } catch (err) {
      report.crashes++;
      crashed.push({ file: rel, error: err instanceof Error ? err.message : String(err) });
      continue;
    }
    ms += performance.now() - t0;
    const badMessages = new Set(e.issues.filter((i) => i.code === 'bad-message' || i.code === 'map-failed').map((i) => i.location?.line));
    messagesParsed += Math.max(0, counts.messages - [...badMessages].length);
    const seen = new Set<string>();
    for (const r of e.resources) {
      const t = r.resource.resourceType;
      const c = (byType[t] ??= { out: 0, invalid: 0 });
      c.out++;
      const problems = checkResource(r.resource);
      if (problems.length) {
        c.invalid++;
        invalid++;
        if (invalidSamples.length < 20) invalidSamples.push(`${rel} ${r.location.segment}: ${problems.slice(0, 3).join('; ')}`);
      }
      // Resource ids are `m<message>-obx<n>`: map them back to the OBX they came from.
      const m = /^m(\d+)-obx(\d+)$/.exec(r.resource.id ?? '');
      if (m && (t === 'Observation' || t === 'DocumentReference')) seen.add(`${m[1]}#OBX[${m[2]}]`);
    }
    for (const k of counts.resultObx) {
      if (seen.has(k)) observationsOut++;
      else if (missedObx.length < 20) missedObx.push(`${rel} message ${k}`);
    }
    for (const i of e.issues) issuesByCode[i.code] = (issuesByCode[i.code] ?? 0) + 1;
    pages += e.pages?.length ?? 0;
    children += e.children?.length ?? 0;
    subjects += Object.keys(e.subjects ?? {}).length;
    if (!e.resources.length && e.issues.some((i) => i.severity === 'error')) {
      report.failed++;
      failedFiles.push(`${rel}: ${e.issues.find((i) => i.severity === 'error')!.message}`);
    }
  }
  const resources = Object.values(byType).reduce((s, c) => s + c.out, 0);
  report.metrics = {
    messages,
    messages_parsed: messagesParsed,
    segments,
    obx_in: obxIn,
    observations_out: observationsOut,
    obx_recall: obxIn ? Number((observationsOut / obxIn).toFixed(4)) : null,
    resources,
    resources_by_type: Object.fromEntries(Object.entries(byType).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, v.out])),
    invalid_resources: invalid,
    invalid_samples: invalidSamples,
    missed_obx: missedObx,
    subjects,
    text_pages: pages,
    attachments_to_vault: children,
    issues_by_code: issuesByCode,
    failed_files: failedFiles,
    crashed,
    ms_total: Math.round(ms),
    // One pass, file reading and JIT warm-up included: a floor, not the warm throughput.
    messages_per_second_cold: ms ? Math.round((messages / ms) * 1000) : null,
  };
  report.table = table(byType, report);
  return report;
}

function table(byType: Record<string, { out: number; invalid: number }>, r: EvalReport): string {
  const m = r.metrics as Record<string, number>;
  const rows = Object.entries(byType).sort(([, a], [, b]) => b.out - a.out);
  const w = Math.max(18, ...rows.map(([t]) => t.length));
  const line = (a: string, b: unknown, c: unknown) => `${a.padEnd(w)}  ${String(b).padStart(7)}  ${String(c).padStart(7)}`;
  const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
  return [
    line('resourceType', 'out', 'invalid'),
    ...rows.map(([t, c]) => line(t, c.out, c.invalid)),
    line('TOTAL', m.resources, m.invalid_resources),
    '',
    `files: ${r.documents} HL7 v2, ${r.failed} failed, ${r.crashes} crashes`,
    `messages: ${m.messages_parsed}/${m.messages} parsed, ${m.segments} segments, ${m.messages_per_second_cold ?? 'n/a'} msg/s (one cold pass)`,
    `OBX in ORU/OUL: ${m.observations_out}/${m.obx_in} mapped (recall ${pct(m.observations_out, m.obx_in)})`,
    `subjects: ${m.subjects}, text pages: ${m.text_pages}, attachments to vault: ${m.attachments_to_vault}`,
  ].join('\n');
}

export const suite: EvalSuite = {
  name: 'hl7v2',
  description: 'HL7 v2 messages and batches → FHIR R4: messages parsed, OBX recall on results, resources by type, invalid resources',
  category: 'hl7v2',
  run: runHl7v2Eval,
};

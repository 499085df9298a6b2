/**
 * `vessel eval dicom`: every file under `<corpus>/dicom/**` that is DICOM by content (or named
 * like DICOM: *.dcm, DICOMDIR, DIRFILE) through the DICOM adapter; every DICOMDIR through
 * checkDisc (chained directory files followed, missing files counted once per path); every
 * image decoded frame by frame per transfer syntax; and lossless pairs (an uncompressed and a
 * losslessly compressed file of the same image in one folder) compared value for value.
 */
import { existsSync, readFileSync, statSync, createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { ImagingStudy } from '@medplum/fhirtypes';
import type { Extraction, Format, SourceInput } from '../core/types.js';
import { detectFormat, HEAD_BYTES } from '../detect/detect.js';
import { dicomAdapter } from '../sources/dicom/index.js';
import { DicomDecodeError, decodeFrameOf, imageAttributes, TRANSFER_SYNTAXES } from '../sources/dicom/decode.js';
import { checkDisc } from '../sources/dicom/disc.js';
import type { DicomFile } from '../sources/dicom/parse.js';
import { parseDicomBytes } from '../sources/dicom/parse.js';
import { isDirectory } from '../sources/dicom/dicomdir.js';
import { readInstance } from '../sources/dicom/instance.js';
import type { EvalOptions, EvalReport, EvalSuite } from './types.js';
import { listCorpusFiles } from './corpus-files.js';

/** Frames decoded per file at most (keeps huge multi-frame files bounded). */
const MAX_FRAMES = 100;

interface FileRecord {
  path: string;
  name: string;
  dir: string;
  transferSyntax: string;
  sop?: string;
  rows?: number;
  columns?: number;
  frames: number;
  /** Samples per pixel, bits stored and photometric interpretation, as declared. */
  kind: string;
  decodedOk: boolean;
}

const walk = (dir: string): string[] => listCorpusFiles(dir);

function head(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const looksNamedDicom = (name: string) => /\.dcm$/i.test(name) || /^(DICOMDIR|DIRFILE)/i.test(name);

function fileInput(path: string, format: Format, bytes: Buffer): SourceInput {
  return { filename: basename(path), format, size: bytes.length, bytes: async () => bytes, stream: () => createReadStream(path) };
}

const isLossless = (ts: string) => TRANSFER_SYNTAXES[ts]?.lossless === true;
const isNative = (ts: string) => TRANSFER_SYNTAXES[ts]?.codec === 'native';

/** `MR_small` ~ `MR_small_RLE`, `MR2_UNCI` ~ `MR2_J2KR`: one name extends the other, or same first token. */
function stemMatch(a: string, b: string): number {
  const sa = a.replace(/\.dcm$/i, '');
  const sb = b.replace(/\.dcm$/i, '');
  if (sb.startsWith(sa + '_') || sa.startsWith(sb + '_')) return 2;
  return sa.split('_')[0] === sb.split('_')[0] ? 1 : 0;
}

function imageKind(file: DicomFile): string {
  const a = imageAttributes(file.ds);
  return `${a.samplesPerPixel}/${a.bitsAllocated}/${a.bitsStored}/${a.pixelRepresentation}/${a.photometric}`;
}

async function decodeAll(file: DicomFile, frames: number) {
  const out = [];
  for (let f = 0; f < Math.min(frames, MAX_FRAMES); f++) out.push(await decodeFrameOf(file, f));
  return out;
}

export async function runDicomEval(corpusDir: string, opts: EvalOptions = {}): Promise<EvalReport & { table?: string }> {
  const root = join(corpusDir, 'dicom');
  const report: EvalReport & { table?: string } = { suite: 'dicom', corpus: corpusDir, documents: 0, failed: 0, crashes: 0, metrics: {} };
  if (!existsSync(root)) {
    report.metrics = { error: `no dicom/ folder under ${corpusDir}` };
    return report;
  }
  const log = (s: string) => opts.verbose && process.stderr.write(s + '\n');
  const candidates: Array<{ path: string; format: Format }> = [];
  for (const path of walk(root)) {
    let format: Format;
    try {
      format = detectFormat(head(path), statSync(path).size);
    } catch {
      format = 'unknown';
    }
    if (format === 'dicom' || format === 'dicomdir' || looksNamedDicom(basename(path))) candidates.push({ path, format });
  }
  const files = opts.limit ? candidates.slice(0, opts.limit) : candidates;

  const studies = new Set<string>();
  const series = new Set<string>();
  const fileInstances = new Set<string>();
  let instancesIndexed = 0;
  let readable = 0;
  const decode: Record<string, { ok: number; total: number }> = {};
  let decodeMs = 0;
  let decodedFrames = 0;
  const records: FileRecord[] = [];
  const directories: string[] = [];
  const unreadable: string[] = [];
  const crashed: string[] = [];
  const decodeFailures: string[] = [];

  for (const { path, format } of files) {
    report.documents++;
    const rel = relative(root, path);
    let bytes: Buffer;
    let x: Extraction;
    try {
      bytes = readFileSync(path);
      x = await (dicomAdapter.extract(fileInput(path, format, bytes)) as Promise<Extraction>);
    } catch (e) {
      report.crashes++;
      crashed.push(`${rel}: ${e instanceof Error ? e.message : String(e)}`);
      continue;
    }
    const ok = x.resources.length > 0 || !x.issues.some((i) => i.severity === 'error');
    if (ok) readable++;
    else unreadable.push(`${rel}: ${x.issues.find((i) => i.severity === 'error')?.message ?? ''}`);
    for (const r of x.resources) {
      if (r.resource.resourceType !== 'ImagingStudy') continue;
      const st = r.resource as ImagingStudy;
      const uid = st.identifier?.[0]?.value;
      if (uid) studies.add(uid);
      for (const s of st.series ?? []) {
        series.add(s.uid);
        if (!r.location.path?.startsWith('DICOMDIR#')) {
          for (const i of s.instance ?? []) {
            instancesIndexed++;
            fileInstances.add(i.uid);
          }
        }
      }
    }
    // Pixel decoding, per transfer syntax.
    const parsed = parseDicomBytes(bytes);
    if (!parsed.file) continue;
    if (isDirectory(parsed.file)) {
      directories.push(path);
      continue;
    }
    const info = readInstance(parsed.file);
    if (!info.hasPixelData) continue;
    const ts = parsed.file.transferSyntax || 'unknown';
    const counts = (decode[ts] ??= { ok: 0, total: 0 });
    counts.total++;
    const frames = Math.max(1, Math.trunc(info.frames ?? 1));
    const rec: FileRecord = { path, name: basename(path), dir: dirname(path), transferSyntax: ts, sop: info.sopInstanceUid, rows: info.rows, columns: info.columns, frames, kind: imageKind(parsed.file), decodedOk: false };
    const t0 = performance.now();
    try {
      const n = (await decodeAll(parsed.file, frames)).length;
      decodeMs += performance.now() - t0;
      decodedFrames += n;
      counts.ok++;
      rec.decodedOk = true;
    } catch (e) {
      if (!(e instanceof DicomDecodeError)) {
        report.crashes++;
        crashed.push(`${rel} (decode): ${e instanceof Error ? e.message : String(e)}`);
      }
      decodeFailures.push(`${rel}: ${e instanceof Error ? e.message : String(e)}`);
    }
    records.push(rec);
    log(`${rel}: ${x.resources.length} resources, decode ${rec.decodedOk ? 'ok' : 'failed'}`);
  }

  // Discs: every DICOMDIR (chains followed); files reached through a chain are not roots.
  const missing = new Set<string>();
  const refused = new Set<string>();
  const declared = new Set<string>();
  const presentOnDisc = new Map<string, string | undefined>();
  const reached = new Set<string>();
  const ordered = [...directories].sort((a, b) => Number(/^DICOMDIR/i.test(basename(b))) - Number(/^DICOMDIR/i.test(basename(a))));
  for (const dir of ordered) {
    if (reached.has(resolve(dir))) continue;
    try {
      const disc = checkDisc(dir);
      for (const f of disc.directoryFiles) reached.add(resolve(f));
      for (const m of disc.missing) missing.add(resolve(disc.root, m));
      for (const r of disc.refused) refused.add(`${resolve(disc.root)}:${r}`);
      for (const s of disc.tree.studies) if (s.studyUid) studies.add(`urn:oid:${s.studyUid}`);
      for (const s of disc.tree.series) if (s.seriesUid) series.add(s.seriesUid);
      for (const i of disc.tree.instances) declared.add(i.sopInstanceUid ?? `${disc.root}/${i.referencedFileId.join('/')}`);
      for (const p of disc.present) presentOnDisc.set(resolve(p.path), p.sopInstanceUid);
    } catch (e) {
      report.crashes++;
      crashed.push(`${relative(root, dir)} (disc): ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  // Lossless pairs.
  const pairs: Array<{ a: string; b: string; ts: string; exact: boolean; note?: string }> = [];
  const byDir = new Map<string, FileRecord[]>();
  for (const r of records) byDir.set(r.dir, [...(byDir.get(r.dir) ?? []), r]);
  for (const group of byDir.values()) {
    for (const b of group) {
      if (!isLossless(b.transferSyntax) || isNative(b.transferSyntax)) continue;
      let best: FileRecord | undefined;
      let bestScore = 0;
      for (const a of group) {
        if (a === b || !isNative(a.transferSyntax)) continue;
        if (a.rows !== b.rows || a.columns !== b.columns || a.frames !== b.frames || a.kind !== b.kind) continue;
        const score = (a.sop && a.sop === b.sop ? 4 : 0) + stemMatch(a.name, b.name) + (a.transferSyntax === '1.2.840.10008.1.2.1' ? 0.5 : 0);
        if (score >= 1.5 && score > bestScore) {
          best = a;
          bestScore = score;
        }
      }
      if (!best) continue;
      const pair = { a: relative(root, best.path), b: relative(root, b.path), ts: b.transferSyntax, exact: false } as (typeof pairs)[number];
      try {
        const fa = parseDicomBytes(readFileSync(best.path)).file;
        const fb = parseDicomBytes(readFileSync(b.path)).file;
        if (!fa || !fb) throw new Error('unreadable');
        const [da, db] = [await decodeAll(fa, best.frames), await decodeAll(fb, b.frames)];
        pair.exact = da.length === db.length && da.every((x, k) => x.data.length === db[k].data.length && x.data.every((v, i) => v === db[k].data[i]));
        if (!pair.exact) pair.note = 'pixel values differ';
      } catch (e) {
        pair.note = e instanceof Error ? e.message : String(e);
      }
      pairs.push(pair);
    }
  }

  report.failed = report.documents - readable;
  report.metrics = {
    files: report.documents,
    files_readable: readable,
    instances_indexed: instancesIndexed,
    studies: studies.size,
    series: series.size,
    missing_referenced_files: missing.size,
    decode_ok: decode,
    lossless_pairs: pairs.length,
    lossless_exact: pairs.filter((p) => p.exact).length,
    distinct_instances_in_files: fileInstances.size,
    instances_declared_by_dicomdirs: declared.size,
    dicomdir_files_present: presentOnDisc.size,
    dicomdir_files_present_indexed: [...presentOnDisc.values()].filter((uid) => uid && fileInstances.has(uid)).length,
    refused_paths: refused.size,
    decode_ms_per_frame: decodedFrames ? Math.round((decodeMs / decodedFrames) * 10) / 10 : 0,
    pairs,
    unreadable,
    decode_failures: decodeFailures,
    crashed,
  };
  report.table = table(report, decode, pairs);
  return report;
}

function table(r: EvalReport, decode: Record<string, { ok: number; total: number }>, pairs: Array<{ a: string; b: string; exact: boolean; note?: string }>): string {
  const m = r.metrics as Record<string, unknown>;
  const lines = [
    `files ${m.files}  readable ${m.files_readable}  crashes ${r.crashes}`,
    `indexed: ${m.instances_indexed} instances (${m.distinct_instances_in_files} distinct SOP UIDs), ${m.studies} studies, ${m.series} series`,
    `DICOMDIRs declare ${m.instances_declared_by_dicomdirs} instances; ${m.dicomdir_files_present} files present (${m.dicomdir_files_present_indexed} indexed from the files), ${m.missing_referenced_files} missing; ${m.refused_paths} paths refused`,
    '',
    'transfer syntax                           decoded/total',
  ];
  for (const [ts, c] of Object.entries(decode).sort()) {
    const name = TRANSFER_SYNTAXES[ts]?.name ?? 'unknown';
    lines.push(`${(name + ' ' + ts).padEnd(60)} ${c.ok}/${c.total}`);
  }
  lines.push('', `lossless pairs: ${m.lossless_exact}/${m.lossless_pairs} exact`);
  for (const p of pairs) lines.push(`  ${p.exact ? 'exact ' : 'DIFFER'} ${p.a} = ${p.b}${p.note ? ` (${p.note})` : ''}`);
  for (const k of ['unreadable', 'decode_failures', 'crashed'] as const) {
    const list = m[k] as string[];
    if (list.length) lines.push('', `${k.replace('_', ' ')}:`, ...list.map((s) => `  ${s}`));
  }
  return lines.join('\n');
}

export const suite: EvalSuite = {
  name: 'dicom',
  description: 'DICOM files and discs: readable, indexed (studies/series/instances), missing referenced files, decode per transfer syntax, lossless pixel equality',
  category: 'dicom',
  run: runDicomEval,
};

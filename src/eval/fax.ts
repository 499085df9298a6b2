/**
 * `vessel eval fax`: every faxgen ground-truth JSON under `<corpus>/fax/**` (schema in
 * ../shared/faxgen/README.md). Pages are read through the documents adapter (OCR) when it
 * exists, else the ground-truth page text is used; `VESSEL_EVAL_FAX_TEXT=gt` forces the
 * ground truth so structuring can be scored apart from OCR. Scores: CER per degradation (OCR
 * only), document split, classification, identity, date of service and lab results.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import type { Observation } from '@medplum/fhirtypes';
import type { ExtractedPage, Extraction, Format, SourceAdapter } from '../core/types.js';
import { structureTransmission } from '../sources/documents/structure/index.js';
import { splitTransmission } from '../sources/documents/structure/parts.js';
import { normName } from '../sources/documents/structure/lab-test-names.js';
import { ucumFor, unitKey } from '../sources/documents/structure/lab-units.js';
import type { EvalOptions, EvalReport, EvalSuite } from './types.js';
import { listCorpusFiles } from './corpus-files.js';

// ------------------------------------------------------------------ ground truth shape

export interface GtLab {
  test_name_printed: string;
  loinc?: string | null;
  value: string;
  unit?: string | null;
  unit_ucum?: string | null;
  flag?: string | null;
}
export interface GtDoc {
  index: number;
  type: string;
  pages: [number, number];
  date_of_service?: string | null;
  patient?: { first?: string; last?: string; dob?: string } | null;
  content?: { lab_results?: GtLab[] };
}
export interface GtTransmission {
  id: string;
  generator?: string;
  files: Array<{ path: string; format: string; page?: number }>;
  degradation?: { kind?: string; resolution?: string };
  pages: Array<{ page: number; text: string }>;
  documents: GtDoc[];
}

const walk = (dir: string): string[] => listCorpusFiles(dir, (name) => name.endsWith('.json') && name !== 'manifest.json');

function loadGt(path: string): GtTransmission | null {
  try {
    const j = JSON.parse(readFileSync(path, 'utf8')) as GtTransmission;
    if (Array.isArray(j.pages) && Array.isArray(j.documents) && (j.generator === 'faxgen' || j.files)) return j;
  } catch {
    /* not a ground-truth file */
  }
  return null;
}

// ------------------------------------------------------------------ scoring

export interface Tally {
  splitTp: number;
  splitFp: number;
  splitFn: number;
  innerTp: number;
  innerFp: number;
  innerFn: number;
  docs: number;
  typeOk: number;
  idDocs: number;
  idOk: number;
  dateDocs: number;
  dateOk: number;
  labGt: number;
  labPred: number;
  labOk: number;
  confusion: Record<string, number>;
  errors: string[];
}

export function emptyTally(): Tally {
  return { splitTp: 0, splitFp: 0, splitFn: 0, innerTp: 0, innerFp: 0, innerFn: 0, docs: 0, typeOk: 0, idDocs: 0, idOk: 0, dateDocs: 0, dateOk: 0, labGt: 0, labPred: 0, labOk: 0, confusion: {}, errors: [] };
}

const letters = (s: string | undefined) => (s ?? '').toLowerCase().replace(/[^a-z]/g, '');
const DIMENSIONLESS = new Set(['', '{ratio}', 'ratio', '(calc)', 'calc']);

function unitsMatch(predUnit: string | undefined, predUcum: string | undefined, gt: GtLab): boolean {
  const pu = unitKey(predUnit ?? '');
  const gu = unitKey(gt.unit ?? '');
  const pc = predUcum ?? (predUnit ? ucumFor(predUnit) : undefined) ?? '';
  const gc = gt.unit_ucum ?? (gt.unit ? ucumFor(gt.unit) : undefined) ?? '';
  if (DIMENSIONLESS.has(pu) && DIMENSIONLESS.has(gu)) return true;
  if (pu && pu === gu) return true;
  return !!pc && pc === gc && !(DIMENSIONLESS.has(pu) !== DIMENSIONLESS.has(gu) && !pc.startsWith('{'));
}

function valuesMatch(pred: string, gt: string): boolean {
  const a = pred.replace(/[,\s]/g, '').toLowerCase();
  const b = gt.replace(/[,\s]/g, '').toLowerCase();
  if (a === b) return true;
  const na = /^([<>]=?)?(-?\d*\.?\d+)$/.exec(a);
  const nb = /^([<>]=?)?(-?\d*\.?\d+)$/.exec(b);
  return !!na && !!nb && (na[1] ?? '') === (nb[1] ?? '') && Number(na[2]) === Number(nb[2]);
}

/**
 * Value and unit as a reader compares them: a result the ground truth prints as one text with its
 * unit and no unit of its own (a dipstick's "30 mg/dL") is matched by the value 30 in mg/dL.
 */
function valueAndUnitMatch(p: { value: string; unit?: string; ucum?: string }, g: GtLab): boolean {
  if (valuesMatch(p.value, g.value) && unitsMatch(p.unit, p.ucum, g)) return true;
  const joined = !g.unit && /^([<>]=?)?\s*(\d*\.?\d+)\s+(\S+)$/.exec(g.value.trim());
  return !!joined && !!p.unit && valuesMatch(p.value, `${joined[1] ?? ''}${joined[2]}`) && unitsMatch(p.unit, p.ucum, { ...g, unit: joined[3]!, unit_ucum: null });
}

const flagOf = (f: string | undefined | null) => (f === 'HH' ? 'H' : f === 'LL' ? 'L' : f ?? '');

interface PredLab {
  name: string;
  loinc?: string;
  value: string;
  unit?: string;
  ucum?: string;
  flag?: string;
  page?: number;
  used: boolean;
}

function predLabs(ext: Partial<Extraction>): PredLab[] {
  const out: PredLab[] = [];
  for (const r of ext.resources ?? []) {
    if (r.resource.resourceType !== 'Observation') continue;
    const o = r.resource as Observation;
    if (!o.category?.some((c) => c.coding?.some((x) => x.code === 'laboratory'))) continue;
    // A range value (a urine sediment count "3-5" /HPF) reads as printed, low-high, with its unit.
    const span = o.valueRange?.low?.value !== undefined && o.valueRange.high?.value !== undefined ? o.valueRange : undefined;
    const q = o.valueQuantity ?? span?.low;
    const value = o.valueQuantity?.value !== undefined ? `${o.valueQuantity.comparator ?? ''}${o.valueQuantity.value}` : span ? `${span.low!.value}-${span.high!.value}` : (o.valueString ?? o.valueCodeableConcept?.text ?? '');
    out.push({
      name: o.code?.text ?? '',
      loinc: o.code?.coding?.find((c) => c.system === 'http://loinc.org')?.code,
      value,
      unit: q?.unit,
      ucum: q?.code,
      flag: o.interpretation?.[0]?.coding?.[0]?.code,
      page: r.location.page,
      used: false,
    });
  }
  return out;
}

/**
 * The documents a user finds after import: the parts split out of the transmission (each
 * with its own label, patient and resources, as the pipeline stores them) or, for a
 * one-document transmission, the transmission itself. Scoring these rather than the
 * splitter's raw segments checks what is stored.
 */
export function storedDocuments(ext: Partial<Extraction>): Partial<Extraction> {
  const { transmission, parts } = splitTransmission({ ...ext, resources: ext.resources ?? [], issues: ext.issues ?? [] });
  if (!parts.length) return ext;
  return {
    segments: parts.map(({ segment, extraction: x }) => ({
      firstPage: segment.firstPage,
      lastPage: segment.lastPage,
      type: x.label?.type,
      date: x.label?.date,
      subject: Object.keys(x.subjects ?? {})[0],
    })),
    subjects: Object.assign({}, ...parts.map((p) => p.extraction.subjects ?? {})),
    resources: [...transmission.resources, ...parts.flatMap((p) => p.extraction.resources)],
  };
}

/** Scores one transmission's structuring output against its ground truth into `t`. */
export function scoreTransmission(gt: GtTransmission, ext: Partial<Extraction>, t: Tally): void {
  const segs = [...(ext.segments ?? [])].sort((a, b) => a.firstPage - b.firstPage);
  const trueStarts = new Set(gt.documents.map((d) => d.pages[0]));
  const predStarts = new Set(segs.map((s) => s.firstPage));
  for (const p of predStarts) {
    if (trueStarts.has(p)) {
      t.splitTp++;
      if (p !== 1) t.innerTp++;
    } else {
      t.splitFp++;
      if (p !== 1) t.innerFp++;
      t.errors.push(`${gt.id}: extra boundary at page ${p}`);
    }
  }
  for (const p of trueStarts) {
    if (!predStarts.has(p)) {
      t.splitFn++;
      if (p !== 1) t.innerFn++;
      t.errors.push(`${gt.id}: missed boundary at page ${p}`);
    }
  }
  const covering = (page: number) => segs.find((s) => s.firstPage <= page && s.lastPage >= page);
  for (const d of gt.documents) {
    t.docs++;
    const seg = covering(d.pages[0]);
    const type = seg?.type ?? 'none';
    if (type === d.type) t.typeOk++;
    else {
      t.confusion[`${d.type}->${type}`] = (t.confusion[`${d.type}->${type}`] ?? 0) + 1;
      t.errors.push(`${gt.id} doc ${d.index}: type ${d.type} predicted ${type}`);
    }
    if (d.date_of_service) {
      t.dateDocs++;
      if (seg?.date === d.date_of_service) t.dateOk++;
      else t.errors.push(`${gt.id} doc ${d.index} (${d.type}): date ${d.date_of_service} predicted ${seg?.date ?? 'none'}`);
    }
    if (d.type !== 'fax_cover_sheet' && d.patient?.last) {
      t.idDocs++;
      const who = seg?.subject ? ext.subjects?.[seg.subject] : undefined;
      const ok = !!who && letters(who.family) === letters(d.patient.last) && letters(who.given?.[0]) === letters(d.patient.first) && who.birthDate === d.patient.dob;
      if (ok) t.idOk++;
      else t.errors.push(`${gt.id} doc ${d.index} (${d.type}): patient ${d.patient.first} ${d.patient.last} ${d.patient.dob} predicted ${who ? [who.given?.join(' ') || '(no given name)', who.family ?? '(no family name)', who.birthDate ?? '(no birth date)'].join(' ') : 'none'}`);
    }
  }
  const preds = predLabs(ext);
  t.labPred += preds.length;
  for (const d of gt.documents) {
    for (const g of d.content?.lab_results ?? []) {
      t.labGt++;
      const hit = preds.find(
        (p) =>
          !p.used &&
          (p.page === undefined || (p.page >= d.pages[0] && p.page <= d.pages[1])) &&
          ((!!p.loinc && p.loinc === g.loinc) || normName(p.name) === normName(g.test_name_printed)) &&
          valueAndUnitMatch(p, g) &&
          flagOf(p.flag) === flagOf(g.flag),
      );
      if (hit) {
        hit.used = true;
        t.labOk++;
      } else t.errors.push(`${gt.id} doc ${d.index}: lab ${g.test_name_printed} ${g.value} ${g.unit ?? ''} ${g.flag ?? ''} not found`);
    }
  }
  for (const p of preds) if (!p.used) t.errors.push(`${gt.id}: extra lab ${p.name} ${p.value} ${p.unit ?? ''} ${p.flag ?? ''} p${p.page}`);
}

const ratio = (a: number, b: number) => (b ? Math.round((a / b) * 10000) / 10000 : 0);
const f1 = (tp: number, fp: number, fn: number) => {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return p + r ? Math.round(((2 * p * r) / (p + r)) * 10000) / 10000 : 0;
};

export function tallyMetrics(t: Tally): Record<string, number> {
  const lp = ratio(t.labOk, t.labPred);
  const lr = ratio(t.labOk, t.labGt);
  return {
    split_f1: f1(t.splitTp, t.splitFp, t.splitFn),
    split_f1_internal: f1(t.innerTp, t.innerFp, t.innerFn),
    classification_accuracy: ratio(t.typeOk, t.docs),
    identity_accuracy: ratio(t.idOk, t.idDocs),
    date_accuracy: ratio(t.dateOk, t.dateDocs),
    lab_precision: lp,
    lab_recall: lr,
    lab_f1: lp + lr ? Math.round(((2 * lp * lr) / (lp + lr)) * 10000) / 10000 : 0,
  };
}

// ------------------------------------------------------------------ reading pages

const FORMATS: Record<string, Format> = { tiff: 'tiff', tif: 'tiff', pdf: 'pdf', png: 'png', jpeg: 'jpeg', jpg: 'jpeg' };

interface DocumentsModule {
  documentsAdapter?: SourceAdapter;
  closeSharedOcrPool?: () => Promise<void>;
}

/** The documents adapter (reading half), when that module exists in this checkout. */
async function loadDocuments(): Promise<DocumentsModule | null> {
  const path = '../sources/documents/index.js';
  if (!existsSync(join(dirname(new URL(import.meta.url).pathname), '../sources/documents/index.ts'))) return null;
  try {
    const mod = (await import(path)) as DocumentsModule;
    return mod.documentsAdapter ? mod : null;
  } catch {
    return null;
  }
}

async function collect(x: Promise<Extraction> | AsyncIterable<Extraction>): Promise<Extraction[]> {
  if (Symbol.asyncIterator in (x as object)) {
    const out: Extraction[] = [];
    for await (const e of x as AsyncIterable<Extraction>) out.push(e);
    return out;
  }
  return [await (x as Promise<Extraction>)];
}

/** The pages of one ground-truth transmission as the documents adapter reads them (OCR). */
export async function ocrPages(adapter: SourceAdapter, gt: GtTransmission, dir: string): Promise<ExtractedPage[]> {
  const pages: ExtractedPage[] = [];
  for (const f of gt.files) {
    const path = join(dir, f.path);
    const bytes = readFileSync(path);
    const ext = (f.format || path.split('.').pop() || '').toLowerCase();
    const input = {
      filename: basename(path),
      format: FORMATS[ext] ?? 'unknown',
      size: bytes.length,
      bytes: async () => bytes,
      stream: () => Readable.from([bytes]),
    };
    for (const part of await collect(adapter.extract(input))) {
      for (const p of part.pages ?? []) pages.push({ ...p, page: pages.length + 1 });
    }
  }
  return pages;
}

// ------------------------------------------------------------------ the suite

export async function runFaxEval(corpusDir: string, opts: EvalOptions = {}): Promise<EvalReport & { table?: string }> {
  const report: EvalReport & { table?: string } = { suite: 'fax', corpus: corpusDir, documents: 0, failed: 0, crashes: 0, metrics: {} };
  const root = existsSync(join(corpusDir, 'fax')) ? join(corpusDir, 'fax') : corpusDir;
  if (!existsSync(root)) {
    report.metrics = { error: `no fax/ folder under ${corpusDir}` };
    return report;
  }
  const gts = walk(root)
    .map((p) => ({ path: p, gt: loadGt(p) }))
    .filter((x): x is { path: string; gt: GtTransmission } => !!x.gt);
  const list = opts.limit !== undefined ? gts.slice(0, opts.limit) : gts;
  const textMode = (process.env.VESSEL_EVAL_FAX_TEXT ?? '').toLowerCase();
  // 'gt' = ground-truth text as laid out; 'gt-flat' = the same with single spaces (how OCR engines print lines).
  const forceGt = textMode === 'gt' || textMode === 'gt-flat';
  const documents = forceGt ? null : await loadDocuments();
  const adapter = documents?.documentsAdapter ?? null;
  const source: 'ocr' | 'ground_truth' = adapter ? 'ocr' : 'ground_truth';
  const cerImpl = adapter ? await import('../sources/documents/pages/cer.js').catch(() => null) : null;
  const tally = emptyTally();
  const cerEdits: Record<string, number> = {};
  const cerChars: Record<string, number> = {};
  for (const { path, gt } of list) {
    report.documents++;
    try {
      let pages: ExtractedPage[];
      if (adapter) {
        pages = await ocrPages(adapter, gt, dirname(path));
        const deg = cerImpl?.degradationName(gt) ?? gt.degradation?.kind ?? 'unknown';
        for (const p of gt.pages) {
          const ref = (cerImpl?.normalizeWhitespace ?? ((s: string) => s.replace(/\s+/g, ' ').trim()))(p.text);
          const hyp = (cerImpl?.normalizeWhitespace ?? ((s: string) => s.replace(/\s+/g, ' ').trim()))(pages[p.page - 1]?.text ?? '');
          cerEdits[deg] = (cerEdits[deg] ?? 0) + (cerImpl ? cerImpl.levenshtein(ref, hyp) : Math.abs(ref.length - hyp.length));
          cerChars[deg] = (cerChars[deg] ?? 0) + ref.length;
        }
      } else {
        const flat = (t: string) => (textMode === 'gt-flat' ? t.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).join('\n') : t);
        pages = gt.pages.map((p) => ({ page: p.page, text: flat(p.text), method: 'plain' as const }));
      }
      const ext = structureTransmission(pages);
      if (!ext.segments?.length) report.failed++;
      scoreTransmission(gt, storedDocuments(ext), tally);
      if (opts.verbose) process.stderr.write(`${gt.id} (${pages.length} pages): ${ext.segments?.map((s) => `${s.firstPage}-${s.lastPage} ${s.type}`).join(', ')}\n`);
    } catch (e) {
      report.crashes++;
      tally.errors.push(`${gt.id}: crash ${(e as Error).message}`);
    }
  }
  await documents?.closeSharedOcrPool?.().catch(() => undefined);
  const cer: Record<string, number> = {};
  for (const k of Object.keys(cerEdits)) cer[k] = cerChars[k] ? Math.round((cerEdits[k]! / cerChars[k]!) * 10000) / 10000 : 0;
  const m = tallyMetrics(tally);
  report.metrics = {
    text_source: source,
    ...(source === 'ground_truth' && !forceGt ? { note: 'documents adapter not available: scored on ground-truth page text' } : {}),
    cer,
    ...m,
    documents_scored: tally.docs,
    lab_results_expected: tally.labGt,
    lab_results_predicted: tally.labPred,
    ...(Object.keys(tally.confusion).length ? { confusion: tally.confusion } : {}),
  };
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const rows: Array<[string, string, string]> = [
    ['text source', source, ''],
    ...Object.entries(cer).map(([k, v]): [string, string, string] => [`CER ${k}`, pct(v), k === 'fax_fine' ? '<= 2%' : k === 'fax_standard' ? '<= 4%' : '']),
    ['split F1 (boundaries)', m.split_f1!.toFixed(3), '>= 0.95'],
    ['split F1 (excl. page 1)', m.split_f1_internal!.toFixed(3), ''],
    ['classification accuracy', pct(m.classification_accuracy!), '>= 95%'],
    ['identity accuracy', pct(m.identity_accuracy!), ''],
    ['date accuracy', pct(m.date_accuracy!), ''],
    ['lab precision', m.lab_precision!.toFixed(3), ''],
    ['lab recall', m.lab_recall!.toFixed(3), ''],
    ['lab F1', m.lab_f1!.toFixed(3), '>= 0.95'],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  report.table = [
    `fax eval: ${report.documents} transmissions, ${tally.docs} documents, ${tally.labGt} lab results (${source === 'ocr' ? 'OCR' : 'ground-truth text'})`,
    ...rows.map(([a, b, c]) => `  ${a.padEnd(w)}  ${b.padStart(8)}  ${c}`),
    ...(opts.verbose ? tally.errors.slice(0, 200).map((e) => `  ! ${e}`) : []),
  ].join('\n');
  return report;
}

export const suite: EvalSuite = {
  name: 'fax',
  description: 'Fax transmissions (faxgen ground truth): OCR CER, document split, classification, identity, dates, lab results',
  category: 'fax',
  run: runFaxEval,
};

/**
 * DICOMDIR (Media Storage Directory, PS3.10/PS3.3 F) reading: the directory records as a
 * patient → study → series → instance tree, following record offsets when they are valid and
 * falling back to record order and record types when they are not. Records that point to
 * further directory files (Philips DIRFILE chains) are returned in `nextDirectoryFiles`.
 * Pure; the folder walk is in disc.ts.
 */
import type { DataSet } from 'dicom-parser';
import type { ExtractionIssue } from '../../core/types.js';
import type { DicomFile } from './parse.js';
import { numberString, parseDicomBytes, rawFirst, rawString, seqItemsWithOffsets, textString } from './parse.js';

export const DICOMDIR_SOP_CLASS = '1.2.840.10008.1.3.10';

export interface DirPatient {
  key: string;
  name?: string;
  id?: string;
  birthDate?: string;
  sex?: string;
}

export interface DirStudy {
  key: string;
  patientKey?: string;
  studyUid?: string;
  date?: string;
  time?: string;
  description?: string;
  accession?: string;
  studyId?: string;
  referrer?: string;
}

export interface DirSeries {
  key: string;
  studyKey?: string;
  seriesUid?: string;
  modality?: string;
  number?: number;
  description?: string;
  bodyPart?: string;
}

export interface DirInstance {
  /** Path components of (0004,1500), relative to the folder holding the root DICOMDIR. */
  referencedFileId: string[];
  /** True when the path escapes the file-set (`..`, absolute, drive letter): never opened. */
  unsafe?: boolean;
  recordType: string;
  sopInstanceUid?: string;
  sopClassUid?: string;
  transferSyntax?: string;
  instanceNumber?: number;
  seriesKey?: string;
  studyKey?: string;
  patientKey?: string;
}

/** Where a chained directory file sits in the tree (its records inherit this context). */
export interface DirContext {
  patientKey?: string;
  studyKey?: string;
  seriesKey?: string;
}

export interface NextDirectoryFile extends DirContext {
  referencedFileId: string[];
  unsafe?: boolean;
  recordType: string;
}

export interface DicomdirTree {
  patients: DirPatient[];
  studies: DirStudy[];
  series: DirSeries[];
  instances: DirInstance[];
  nextDirectoryFiles: NextDirectoryFile[];
  issues: ExtractionIssue[];
  /** Number of directory records read. */
  records: number;
}

export interface ReadTreeOptions {
  /** Prefix for generated keys, so trees of chained files can be merged. */
  keyPrefix?: string;
  /** Context inherited from the record that referenced this directory file. */
  context?: DirContext;
}

/** True when the dataset is a directory (has the Directory Record Sequence). */
export function isDirectory(file: DicomFile): boolean {
  return !!file.ds.elements.x00041220 || (file.meta ? rawString(file.meta, 'x00020002') === DICOMDIR_SOP_CLASS : false);
}

/** Splits and checks a Referenced File ID; unsafe when it could leave the file-set folder. */
export function splitFileId(value: string): { parts: string[]; unsafe: boolean } {
  const parts = value.split(/[\\/]/).map((p) => p.trim());
  const unsafe =
    !parts.length ||
    parts.some((p) => p === '' || p === '.' || p === '..' || /^[a-zA-Z]:/.test(p) || p.includes('\0')) ||
    value.startsWith('/') ||
    value.startsWith('\\');
  return { parts: parts.filter((p) => p !== ''), unsafe };
}

const LEAF_TYPES = new Set([
  'IMAGE', 'RT DOSE', 'RT STRUCTURE SET', 'RT PLAN', 'RT TREAT RECORD', 'PRESENTATION', 'WAVEFORM', 'SR DOCUMENT',
  'KEY OBJECT DOC', 'SPECTROSCOPY', 'RAW DATA', 'REGISTRATION', 'FIDUCIAL', 'ENCAP DOC', 'VALUE MAP', 'HANGING PROTOCOL',
  'STEREOMETRIC', 'HL7 STRUC DOC', 'SURFACE', 'MEASUREMENT', 'PLAN', 'IMPLANT', 'PALETTE', 'TRACT', 'ASSESSMENT',
  'RADIOTHERAPY', 'ANNOTATION', 'SURFACE SCAN', 'INVENTORY', 'PRIVATE',
]);

interface Rec {
  ds: DataSet;
  offset: number;
  type: string;
}

/** Reads the tree of one DICOMDIR (or chained directory file) from its bytes. */
export function readDicomdirTree(bytes: Uint8Array, opts: ReadTreeOptions = {}): DicomdirTree {
  const parsed = parseDicomBytes(bytes);
  const tree: DicomdirTree = { patients: [], studies: [], series: [], instances: [], nextDirectoryFiles: [], issues: [...parsed.issues], records: 0 };
  if (!parsed.file) return tree;
  return readTreeFromFile(parsed.file, opts, tree);
}

export function readTreeFromFile(file: DicomFile, opts: ReadTreeOptions = {}, tree?: DicomdirTree): DicomdirTree {
  const out: DicomdirTree = tree ?? { patients: [], studies: [], series: [], instances: [], nextDirectoryFiles: [], issues: [], records: 0 };
  const { ds, charsets } = file;
  const prefix = opts.keyPrefix ?? '';
  const recs: Rec[] = seqItemsWithOffsets(ds, 'x00041220').map(({ ds: r, offset }) => ({
    ds: r,
    offset,
    type: (rawString(r, 'x00041430') ?? '').toUpperCase(),
  }));
  out.records = recs.length;
  if (!recs.length) {
    if (!ds.elements.x00041220) out.issues.push({ severity: 'warning', code: 'no-directory-records', message: 'No Directory Record Sequence (0004,1220)' });
    return out;
  }
  const text = (r: DataSet, t: string, pn = false) => textString(r, t, parseCharsetsOf(r, charsets), pn);

  const visit = (rec: Rec, ctx: DirContext, depth: number): DirContext => {
    const r = rec.ds;
    const key = (uid: string | undefined) => uid ?? `${prefix}rec@${rec.offset}`;
    const fileIdRaw = rawString(r, 'x00041500');
    const file = fileIdRaw ? splitFileId(fileIdRaw) : undefined;
    let type = rec.type;
    if (!type || (!LEAF_TYPES.has(type) && !['PATIENT', 'STUDY', 'SERIES'].includes(type))) {
      // Unknown or missing record type: infer the level from the attributes it carries.
      const guessed = r.elements.x0020000e ? 'SERIES' : r.elements.x0020000d ? 'STUDY' : r.elements.x00100020 || r.elements.x00100010 ? 'PATIENT' : file ? 'IMAGE' : depth === 0 ? 'PATIENT' : 'IMAGE';
      out.issues.push({ severity: 'warning', code: 'bad-record-type', message: `Directory record at offset ${rec.offset} has record type "${rec.type}"; read as ${guessed}` });
      type = guessed;
    }
    const next: DirContext = { ...ctx };
    if (type === 'PATIENT' || (type === 'STUDY' && !ctx.patientKey && (r.elements.x00100010 || r.elements.x00100020))) {
      // Philips root DICOMDIRs put the patient attributes on the STUDY record.
      const p: DirPatient = { key: `${prefix}patient@${rec.offset}` };
      const name = text(r, 'x00100010', true);
      if (name) p.name = name;
      const id = text(r, 'x00100020');
      if (id) p.id = id;
      const bd = rawString(r, 'x00100030');
      if (bd) p.birthDate = bd;
      const sex = rawString(r, 'x00100040');
      if (sex) p.sex = sex;
      out.patients.push(p);
      next.patientKey = p.key;
      next.studyKey = undefined;
      next.seriesKey = undefined;
    }
    if (type === 'STUDY') {
      const s: DirStudy = { key: key(rawString(r, 'x0020000d')) };
      if (next.patientKey) s.patientKey = next.patientKey;
      const uid = rawString(r, 'x0020000d');
      if (uid) s.studyUid = uid;
      const fields: Array<[keyof DirStudy, string | undefined]> = [
        ['date', rawString(r, 'x00080020')],
        ['time', rawString(r, 'x00080030')],
        ['description', text(r, 'x00081030')],
        ['accession', text(r, 'x00080050')],
        ['studyId', text(r, 'x00200010')],
        ['referrer', text(r, 'x00080090', true)],
      ];
      for (const [k, v] of fields) if (v) (s as unknown as Record<string, string>)[k] = v;
      out.studies.push(s);
      next.studyKey = s.key;
      next.seriesKey = undefined;
    } else if (type === 'SERIES') {
      const uid = rawString(r, 'x0020000e');
      const s: DirSeries = { key: key(uid) };
      if (next.studyKey) s.studyKey = next.studyKey;
      if (uid) s.seriesUid = uid;
      const modality = rawFirst(r, 'x00080060');
      if (modality) s.modality = modality;
      const num = numberString(r, 'x00200011');
      if (num !== undefined) s.number = num;
      const desc = text(r, 'x0008103e');
      if (desc) s.description = desc;
      const bodyPart = text(r, 'x00180015');
      if (bodyPart) s.bodyPart = bodyPart;
      out.series.push(s);
      next.seriesKey = s.key;
    }
    if (file) {
      const sopClass = rawString(r, 'x00041510');
      const last = file.parts[file.parts.length - 1]?.toUpperCase() ?? '';
      const isDirFile = !LEAF_TYPES.has(type) || sopClass === DICOMDIR_SOP_CLASS || last === 'DIRFILE' || last === 'DICOMDIR';
      if (isDirFile) {
        const nd: NextDirectoryFile = { referencedFileId: file.parts, recordType: type, ...stripUndefined(next) };
        if (file.unsafe) nd.unsafe = true;
        out.nextDirectoryFiles.push(nd);
      } else {
        const inst: DirInstance = { referencedFileId: file.parts, recordType: type, ...stripUndefined(next) };
        if (file.unsafe) inst.unsafe = true;
        const sop = rawString(r, 'x00041511') ?? rawString(r, 'x00080018');
        if (sop) inst.sopInstanceUid = sop;
        const cls = sopClass ?? rawString(r, 'x00080016');
        if (cls) inst.sopClassUid = cls;
        const ts = rawString(r, 'x00041512');
        if (ts) inst.transferSyntax = ts;
        const num = numberString(r, 'x00200013');
        if (num !== undefined) inst.instanceNumber = num;
        out.instances.push(inst);
      }
      if (file.unsafe) out.issues.push({ severity: 'error', code: 'unsafe-path', message: `Referenced File ID "${fileIdRaw}" points outside the disc folder; refused`, location: { path: fileIdRaw } });
    }
    return next;
  };

  const byOffset = new Map(recs.map((r) => [r.offset, r]));
  const rootOffset = ds.elements.x00041200 ? safeUint32(ds, 'x00041200') : undefined;
  const linked = rootOffset !== undefined && byOffset.has(rootOffset);
  if (linked) {
    const seen = new Set<number>();
    const walk = (offset: number | undefined, ctx: DirContext, depth: number) => {
      // Siblings iteratively, children recursively (depth is at most a handful of levels).
      while (offset && byOffset.has(offset) && !seen.has(offset) && depth < 16) {
        seen.add(offset);
        const rec = byOffset.get(offset)!;
        const inUse = safeUint16(rec.ds, 'x00041410');
        const childCtx = inUse === 0 ? ctx : visit(rec, ctx, depth);
        const lower = safeUint32(rec.ds, 'x00041420');
        if (lower && inUse !== 0) walk(lower, childCtx, depth + 1);
        offset = safeUint32(rec.ds, 'x00041400');
      }
    };
    const pointed = new Set<number>();
    for (const r of recs) for (const t of ['x00041400', 'x00041420']) pointed.add(safeUint32(r.ds, t) ?? 0);
    if (!pointed.has(rootOffset)) walk(rootOffset, opts.context ?? {}, 0);
    else {
      // The root offset points into the tree: walk from every record no other record points to.
      out.issues.push({ severity: 'warning', code: 'bad-root-offset', message: 'The root directory record offset points inside the tree; read from every unreferenced record' });
      for (const r of recs) if (!seen.has(r.offset) && !pointed.has(r.offset)) walk(r.offset, opts.context ?? {}, 0);
    }
    const unreached = recs.filter((r) => !seen.has(r.offset)).length;
    if (unreached) out.issues.push({ severity: 'warning', code: 'unlinked-records', message: `${unreached} directory records are not linked from the root record and were skipped` });
  } else {
    if (rootOffset) out.issues.push({ severity: 'warning', code: 'bad-offsets', message: 'Directory record offsets do not point at records; read in record order' });
    // Record order: each level's record opens a context for the records that follow it.
    let ctx: DirContext = { ...(opts.context ?? {}) };
    for (const rec of recs) {
      if (rec.type === 'PATIENT') ctx = visit(rec, {}, 0);
      else if (rec.type === 'STUDY') ctx = visit(rec, { patientKey: ctx.patientKey }, 1);
      else if (rec.type === 'SERIES') ctx = visit(rec, { patientKey: ctx.patientKey, studyKey: ctx.studyKey }, 2);
      else visit(rec, ctx, 3);
    }
  }
  return out;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function safeUint32(ds: DataSet, t: string): number | undefined {
  const el = ds.elements[t];
  if (!el || el.length < 4 || el.dataOffset + 4 > ds.byteArray.length) return undefined;
  return ds.uint32(t);
}

function safeUint16(ds: DataSet, t: string): number | undefined {
  const el = ds.elements[t];
  if (!el || el.length < 2 || el.dataOffset + 2 > ds.byteArray.length) return undefined;
  return ds.uint16(t);
}

/** A record may declare its own Specific Character Set. */
function parseCharsetsOf(r: DataSet, inherited: string[]): string[] {
  const own = rawString(r, 'x00080005');
  return own ? own.split('\\').map((v) => v.trim()) : inherited;
}

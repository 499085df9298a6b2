/**
 * The raw DICOM layer: bytes → a parsed dataset with its transfer syntax and character set,
 * plus issues. Wraps dicom-parser and makes it tolerant: files without preamble or without
 * file meta, missing transfer syntax, truncated or broken data (the elements read before the
 * break are kept). Never throws.
 */
import dicomParser from 'dicom-parser';
import type { DataSet, Element } from 'dicom-parser';
import type { ExtractionIssue } from '../../core/types.js';
import { decodeDicomText, parseCharsets } from './charset.js';
import { trimEndOf } from '../../core/trim.js';

export const TS = {
  implicitLE: '1.2.840.10008.1.2',
  explicitLE: '1.2.840.10008.1.2.1',
  deflatedLE: '1.2.840.10008.1.2.1.99',
  explicitBE: '1.2.840.10008.1.2.2',
} as const;

export interface DicomFile {
  ds: DataSet;
  transferSyntax: string;
  /** True when the 128-byte preamble + "DICM" was present. */
  hasPreamble: boolean;
  /** True when a group 0002 file meta header was read. */
  hasMeta: boolean;
  /** The file meta header (group 0002), when present. */
  meta?: DataSet;
  /** Values of (0008,0005), empty when absent. */
  charsets: string[];
  /** True when parsing stopped early (truncated/broken): ds holds the elements read before. */
  partial: boolean;
}

export interface ParseResult {
  file?: DicomFile;
  issues: ExtractionIssue[];
}

/** `x00100010` from group/element numbers. */
export const tag = (group: number, element: number) =>
  'x' + group.toString(16).padStart(4, '0') + element.toString(16).padStart(4, '0');

const VR_RE = /^(AE|AS|AT|CS|DA|DS|DT|FL|FD|IS|LO|LT|OB|OD|OF|OL|OV|OW|PN|SH|SL|SQ|SS|ST|SV|TM|UC|UI|UL|UN|UR|US|UT|UV)$/;

/** Guesses the encoding of a dataset that starts at `pos` with no usable meta header. */
function guessTransferSyntax(b: Uint8Array, pos: number): string {
  if (b.length < pos + 8) return TS.implicitLE;
  const vr = String.fromCharCode(b[pos + 4], b[pos + 5]);
  if (VR_RE.test(vr)) {
    const groupLE = b[pos] | (b[pos + 1] << 8);
    const groupBE = (b[pos] << 8) | b[pos + 1];
    // A big endian dataset starts with e.g. 00 08 (group 0x0008 read BE).
    return groupBE < groupLE && groupBE <= 0x0010 ? TS.explicitBE : TS.explicitLE;
  }
  return TS.implicitLE;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function message(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e instanceof Error) return e.message;
  if (e && typeof e === 'object' && 'exception' in e) return message((e as { exception: unknown }).exception);
  return String(e);
}

function partialDataSet(e: unknown): DataSet | undefined {
  if (e && typeof e === 'object' && 'dataSet' in e) return (e as { dataSet: DataSet }).dataSet;
  return undefined;
}

/** Parses one DICOM file (Part 10 or bare dataset). */
export function parseDicomBytes(input: Uint8Array): ParseResult {
  const issues: ExtractionIssue[] = [];
  let bytes = asBuffer(input);
  if (bytes.length < 8) {
    return { issues: [{ severity: 'error', code: 'not-dicom', message: `File too short for DICOM (${bytes.length} bytes)` }] };
  }
  const hasPreamble = bytes.length >= 132 && bytes.toString('latin1', 128, 132) === 'DICM';
  const startsWithMeta = !hasPreamble && bytes[0] === 0x02 && bytes[1] === 0x00;
  if (startsWithMeta) {
    // File meta without preamble: give it one so dicom-parser reads the meta header.
    const padded = Buffer.alloc(bytes.length + 132);
    padded.write('DICM', 128, 'latin1');
    bytes.copy(padded, 132);
    bytes = padded;
    issues.push({ severity: 'information', code: 'no-preamble', message: 'File meta header without the 128-byte preamble' });
  }
  const part10 = hasPreamble || startsWithMeta;

  let ds: DataSet | undefined;
  let meta: DataSet | undefined;
  let transferSyntax = '';
  let partial = false;
  let bodyStart = 0;
  if (part10) {
    try {
      const m = dicomParser.readPart10Header(bytes) as DataSet & { position?: number };
      meta = m;
      bodyStart = m.position ?? 132;
      // dicom-parser reads the meta header until a tag past group 0002, so a dataset that
      // starts with a lower group (0001, seen in the wild) is swallowed: the group length says
      // where the meta header really ends.
      const groupLength = m.elements.x00020000;
      if (groupLength && groupLength.length === 4) {
        const metaEnd = groupLength.dataOffset + 4 + m.uint32('x00020000')!;
        if (metaEnd < bodyStart && metaEnd > groupLength.dataOffset) {
          bodyStart = metaEnd;
          for (const tag of Object.keys(m.elements)) if (!tag.startsWith('x0002')) delete m.elements[tag];
        }
      }
      transferSyntax = rawString(m, 'x00020010') ?? '';
    } catch (e) {
      issues.push({ severity: 'error', code: 'parse-error', message: `DICOM file meta unreadable: ${message(e)}` });
      return { issues };
    }
    if (!transferSyntax) {
      transferSyntax = guessTransferSyntax(bytes, bodyStart);
      issues.push({ severity: 'warning', code: 'no-transfer-syntax', message: `File meta has no Transfer Syntax UID; read as ${transferSyntax}` });
    }
  } else {
    transferSyntax = guessTransferSyntax(bytes, 0);
    issues.push({ severity: 'information', code: 'no-meta', message: `No preamble or file meta header; read as ${transferSyntax}` });
  }
  // dicom-parser reads a Part 10 file whole (it inflates deflated data itself); a bare dataset
  // (or one whose meta lacks the transfer syntax) is read with the syntax given.
  let whole = part10 && meta && rawString(meta, 'x00020010');
  let body: Buffer = whole ? bytes : bytes.subarray(bodyStart);
  let lastError = '';
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      ds = whole ? dicomParser.parseDicom(body) : dicomParser.parseDicom(body, { TransferSyntaxUID: transferSyntax });
      partial = false;
      break;
    } catch (e) {
      lastError = message(e);
      ds = partialDataSet(e);
      partial = true;
      // dicom-parser's whole-file reader can fail where its dataset reader does not (e.g.
      // nested private sequences in implicit VR): read the dataset after the meta header.
      if (whole && !(ds && Object.keys(ds.elements).length)) {
        whole = undefined;
        body = bytes.subarray(bodyStart);
        continue;
      }
      // A top-level sequence whose declared length runs past the end (a common writer bug):
      // retry reading it as undefined length, which dicom-parser reads up to the end.
      const repaired = ds && repairOverrun(body, ds, whole ? transferSyntax : transferSyntax, whole ? bodyStart : 0);
      if (!repaired) break;
      body = repaired;
      issues.push({ severity: 'warning', code: 'bad-length', message: `A sequence length runs past the end of the file; read up to the end (${lastError})` });
    }
  }
  if (partial) {
    const n = ds ? Object.keys(ds.elements).length : 0;
    issues.push(
      n
        ? { severity: 'error', code: 'truncated', message: `DICOM data broken or truncated after ${n} elements: ${lastError}` }
        : { severity: 'error', code: 'parse-error', message: `Not readable as DICOM: ${lastError}` },
    );
    if (!n) ds = undefined;
  }
  if (!ds) return { issues };
  for (const w of ds.warnings ?? []) issues.push({ severity: 'warning', code: 'dicom-warning', message: String(w) });
  const charsets = parseCharsets(rawString(ds, 'x00080005'));
  return { file: { ds, meta, transferSyntax, hasPreamble, hasMeta: !!meta, charsets, partial }, issues };
}

/**
 * Finds the element right after the last one read; when it is a sequence whose declared length
 * runs past the end of the buffer, returns a copy with that length set to undefined (FFFFFFFF).
 */
function repairOverrun(body: Buffer, ds: DataSet, transferSyntax: string, start: number): Buffer | undefined {
  let end = start;
  for (const el of Object.values(ds.elements)) {
    if (el.tag.startsWith('x0002') && start > 0) continue;
    if (el.length !== 0xffffffff && el.dataOffset + el.length > end) end = el.dataOffset + el.length;
  }
  if (ds.byteArray !== body || end + 12 > body.length) return undefined;
  const big = transferSyntax === TS.explicitBE;
  const explicit = transferSyntax !== TS.implicitLE;
  const vr = body.toString('latin1', end + 4, end + 6);
  const lenAt = explicit ? (vr === 'SQ' || vr === 'UN' ? end + 8 : -1) : end + 4;
  if (lenAt < 0) return undefined;
  const read32 = (at: number) => (big ? body.readUInt32BE(at) : body.readUInt32LE(at));
  const len = read32(lenAt);
  if (len === 0xffffffff || lenAt + 4 + len > body.length) {
    if (len === 0xffffffff) return undefined;
    const copy = Buffer.from(body);
    copy.writeUInt32LE(0xffffffff, lenAt);
    return copy;
  }
  // The sequence fits: look for an item of it whose declared length runs past the end.
  let pos = lenAt + 4;
  const seqEnd = pos + len;
  while (pos + 8 <= seqEnd) {
    const group = big ? body.readUInt16BE(pos) : body.readUInt16LE(pos);
    const element = big ? body.readUInt16BE(pos + 2) : body.readUInt16LE(pos + 2);
    if (group !== 0xfffe || element !== 0xe000) return undefined;
    const itemLen = read32(pos + 4);
    if (itemLen === 0xffffffff) return undefined;
    if (pos + 8 + itemLen > seqEnd) {
      const copy = Buffer.from(body);
      if (big) copy.writeUInt32BE(0xffffffff, pos + 4);
      else copy.writeUInt32LE(0xffffffff, pos + 4);
      return copy;
    }
    pos += 8 + itemLen;
  }
  return undefined;
}

/** Raw bytes of an element, bounded by the buffer (truncated files may declare more). */
export function elementBytes(ds: DataSet, t: string): Uint8Array | undefined {
  const el = ds.elements[t];
  if (!el || !el.length || el.length < 0 || el.length === 0xffffffff) return undefined;
  const end = Math.min(el.dataOffset + el.length, ds.byteArray.length);
  if (el.dataOffset >= end) return undefined;
  return ds.byteArray.subarray(el.dataOffset, end);
}

/** ASCII/latin1 string value (UI, CS, DA, TM, IS, DS), trimmed of padding. */
export function rawString(ds: DataSet, t: string): string | undefined {
  const b = elementBytes(ds, t);
  if (!b) return undefined;
  const s = trimEndOf(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1'), '\0 ').replace(/^ +/, '');
  return s || undefined;
}

/** First value of a multi-valued string. */
export function rawFirst(ds: DataSet, t: string): string | undefined {
  const s = rawString(ds, t);
  return s?.split('\\')[0]?.trim() || undefined;
}

/** Text value decoded with the character set (SH, LO, ST, LT, UT, PN). */
export function textString(ds: DataSet, t: string, charsets: string[], isPN = false): string | undefined {
  const b = elementBytes(ds, t);
  if (!b) return undefined;
  const s = trimEndOf(decodeDicomText(b, charsets, isPN), '\0 ').replace(/^ +/, '');
  return s || undefined;
}

export function intValue(ds: DataSet, t: string): number | undefined {
  const el = ds.elements[t];
  if (!el || !el.length) return undefined;
  if (el.dataOffset + Math.min(el.length, 4) > ds.byteArray.length) return undefined;
  const vr = el.vr;
  try {
    if (vr === 'IS' || vr === 'DS') return numberString(ds, t);
    if (el.length === 2 || vr === 'US') return ds.uint16(t);
    if (el.length === 4 || vr === 'UL') return ds.uint32(t);
  } catch {
    return undefined;
  }
  return undefined;
}

/** First numeric value of an IS/DS string. */
export function numberString(ds: DataSet, t: string, index = 0): number | undefined {
  const s = rawString(ds, t)?.split('\\')[index]?.trim();
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Items of a sequence element (each item's own DataSet). */
export function seqItems(ds: DataSet, t: string): DataSet[] {
  const el: Element | undefined = ds.elements[t];
  return (el?.items ?? []).map((i) => i.dataSet).filter((d): d is DataSet => !!d);
}

/** Item of a sequence element with its byte offset in the file (for DICOMDIR offsets). */
export function seqItemsWithOffsets(ds: DataSet, t: string): Array<{ ds: DataSet; offset: number }> {
  const el: Element | undefined = ds.elements[t];
  return (el?.items ?? []).filter((i) => !!i.dataSet).map((i) => ({ ds: i.dataSet as DataSet, offset: i.dataOffset - 8 }));
}

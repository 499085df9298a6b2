/**
 * Format detection by content, never by extension: a `.txt` C-CDA is a C-CDA, a `.pdf`
 * of HTML is not a PDF. Looks only at the first bytes (HEAD_BYTES) so it is cheap on huge files.
 */
import type { Format } from '../core/types.js';
import { decodeHead, sniffEncoding, type EncodingSniff } from './encoding.js';

export const HEAD_BYTES = 64 * 1024;

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/**
 * The head as text for classification. UTF-8 and UTF-16 with BOM are decoded; UTF-16 without
 * BOM and UTF-32 are decoded too, only to recognise the format, so the adapter can say clearly
 * that the encoding is not supported instead of the file being "unknown".
 */
function headText(b: Uint8Array, sniff: EncodingSniff): string {
  const text = decodeHead(b);
  if (text !== undefined) return text;
  const what = 'unsupported' in sniff ? sniff.unsupported : '';
  if (what.startsWith('UTF-16')) return new TextDecoder(what.includes('big') ? 'utf-16be' : 'utf-16le', { ignoreBOM: false }).decode(b).replace(/^\uFEFF/, '');
  // UTF-32: the ASCII characters that decide the format survive dropping the NUL bytes.
  return new TextDecoder('latin1').decode(b.filter((x) => x !== 0)).replace(/^[\xfe\xff]+/, '');
}

/** Decoded text that is mostly printable (for UTF-16/32 heads, where NUL bytes are normal). */
function textualString(s: string): boolean {
  const n = Math.min(s.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32)) bad++;
  }
  return n > 0 && bad <= n * 0.01;
}

/** True when the head looks like text rather than binary (few control bytes). */
function looksTextual(b: Uint8Array): boolean {
  const n = Math.min(b.length, 4096);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return false;
    if (c < 9 || (c > 13 && c < 32)) bad++;
  }
  return bad <= n * 0.01;
}

/** DICOM Part 10 ("DICM" after the 128-byte preamble) or a raw dataset starting with a group 0x0002/0x0008 tag. */
function dicomKind(b: Uint8Array): 'dicom' | 'dicomdir' | undefined {
  const part10 = startsWith(b, [0x44, 0x49, 0x43, 0x4d], 128);
  if (part10) {
    // Media Storage SOP Class UID of a DICOMDIR: 1.2.840.10008.1.3.10
    const meta = new TextDecoder('latin1').decode(b.subarray(132, Math.min(b.length, 132 + 1024)));
    return meta.includes('1.2.840.10008.1.3.10\0') || /1\.2\.840\.10008\.1\.3\.10(?![0-9.])/.test(meta) ? 'dicomdir' : 'dicom';
  }
  // No preamble: explicit or implicit VR little endian, first element in group 0002 or 0008.
  const group = b[0] | (b[1] << 8);
  const elem = b[2] | (b[3] << 8);
  if ((group === 0x0002 || group === 0x0008) && elem < 0x0100 && b.length >= 8) {
    const vr = String.fromCharCode(b[4], b[5]);
    if (/^(UL|OB|UI|SH|CS|DA|TM|LO|PN|AE|US|ST|IS|DS|SQ)$/.test(vr)) return 'dicom';
    const len = b[4] | (b[5] << 8) | (b[6] << 16) | (b[7] << 24);
    if (len >= 0 && len < 1024) return 'dicom';
  }
  return undefined;
}

/** Bytes of a file's end that callers pass as `tail` (see detectFormat). */
export const TAIL_BYTES = 1024;

/** A JSON object closing on `"resourceType": "X"`: FHIR JSON written with its keys sorted or resourceType last. */
const RESOURCE_TYPE_LAST = /"resourceType"\s*:\s*"[A-Z][A-Za-z]+"\s*\}\s*$/;

/**
 * The format of a file from its first HEAD_BYTES (`head`) and, optionally, its last TAIL_BYTES
 * (`tail`, when the file is longer than its head). FHIR JSON may name its resourceType last
 * (serializers that sort keys, Ruby's and Inferno's fixtures): a Binary or DocumentReference
 * whose base64 data fills the head then shows no resourceType there, and was "unknown" — the
 * whole document unread. Its tail closes on it.
 */
export function detectFormat(head: Uint8Array, totalSize = head.length, tail?: Uint8Array): Format {
  if (totalSize === 0 || head.length === 0) return 'empty';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  const dicom = dicomKind(head);
  if (dicom) return dicom;
  // PDFs may have junk before %PDF- (allowed within the first 1024 bytes).
  const latin = new TextDecoder('latin1').decode(head.subarray(0, 1024));
  if (latin.includes('%PDF-')) return 'pdf';
  const sniff = sniffEncoding(head);
  const wide = 'unsupported' in sniff || sniff.encoding !== 'utf-8';
  if (!wide && !looksTextual(head)) return 'unknown';
  const text = headText(head, sniff).replace(/^\s+/, '');
  // Wide encodings are read only for the structured formats whose readers decode them (JSON, XML).
  if (wide && (!textualString(text) || !/^[<{]/.test(text))) return 'unknown';
  if (/^MSH\|/.test(text) || /^(FHS|BHS)\|/.test(text)) return 'hl7v2';
  if (text.startsWith('<')) {
    // Skip XML declaration, comments and processing instructions to the root element.
    const root = text.replace(/^(<\?[\s\S]*?\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
    if (/^<(?:[\w.-]+:)?ClinicalDocument[\s>]/.test(root)) return 'cda-xml';
    if (/^<!DOCTYPE/i.test(root) && /<(?:[\w.-]+:)?ClinicalDocument[\s>]/.test(text)) return 'cda-xml';
    // FHIR XML: the root element is a resource type in the FHIR namespace (R4 xml.html).
    const afterDoctype = root.replace(/^<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>\s*/i, '');
    const fhirRoot = /^<(?:([\w.-]+):)?[A-Z][A-Za-z]+[\s>]/.exec(afterDoctype);
    if (fhirRoot) {
      const startTag = afterDoctype.slice(0, afterDoctype.indexOf('>') + 1);
      const ns = fhirRoot[1] ? `xmlns:${fhirRoot[1]}` : 'xmlns';
      if (new RegExp(`\\s${ns}\\s*=\\s*["']http://hl7\\.org/fhir["']`).test(startTag)) return 'fhir-xml';
    }
    return 'xml';
  }
  if (text.startsWith('{')) {
    // NDJSON: several complete JSON objects each on its own line, each with a resourceType.
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    if (lines.length > 1 && lines.slice(0, -1).every((l) => l.trim().startsWith('{') && l.trim().endsWith('}')) && /"resourceType"\s*:/.test(lines[0])) {
      return 'fhir-ndjson';
    }
    if (/"resourceType"\s*:\s*"/.test(text)) return 'fhir-json';
    if (!wide && tail && totalSize > head.length && RESOURCE_TYPE_LAST.test(new TextDecoder('utf-8').decode(tail))) return 'fhir-json';
    return 'unknown';
  }
  return 'text';
}

/**
 * DICOM Specific Character Set (0008,0005) decoding, PS3.5 §6.1. Single-byte sets map to
 * WHATWG TextDecoder labels; ISO 2022 code extensions (Japanese, Korean, Chinese, Latin/Cyrillic
 * G1 sets) are handled by splitting the bytes at escape sequences and decoding each run with
 * the set it designates. Pure, never throws: unknown sets fall back to latin1.
 */

/** A decoder for one run of bytes. `jis0208`/`jis0212` need re-wrapping before TextDecoder. */
type RunKind = { label: string; wrap?: 'jis0208' | 'jis0212' };

/** Defined Term of (0008,0005) → decoder for the whole value (no code extensions). */
const SINGLE: Record<string, string> = {
  '': 'latin1',
  ISO_IR_6: 'latin1',
  'ISO_IR 6': 'latin1',
  'ISO_IR 100': 'latin1',
  'ISO_IR 101': 'iso-8859-2',
  'ISO_IR 109': 'iso-8859-3',
  'ISO_IR 110': 'iso-8859-4',
  'ISO_IR 144': 'iso-8859-5',
  'ISO_IR 127': 'iso-8859-6',
  'ISO_IR 126': 'iso-8859-7',
  'ISO_IR 138': 'iso-8859-8',
  'ISO_IR 148': 'iso-8859-9',
  'ISO_IR 203': 'iso-8859-15',
  'ISO_IR 13': 'shift_jis',
  'ISO_IR 166': 'windows-874',
  'ISO_IR 192': 'utf-8',
  GB18030: 'gb18030',
  GBK: 'gbk',
};

/** Defined Term with code extensions → decoder active before any escape sequence. */
const INITIAL_2022: Record<string, string> = {
  'ISO 2022 IR 6': 'latin1',
  'ISO 2022 IR 100': 'latin1',
  'ISO 2022 IR 101': 'iso-8859-2',
  'ISO 2022 IR 109': 'iso-8859-3',
  'ISO 2022 IR 110': 'iso-8859-4',
  'ISO 2022 IR 144': 'iso-8859-5',
  'ISO 2022 IR 127': 'iso-8859-6',
  'ISO 2022 IR 126': 'iso-8859-7',
  'ISO 2022 IR 138': 'iso-8859-8',
  'ISO 2022 IR 148': 'iso-8859-9',
  'ISO 2022 IR 203': 'iso-8859-15',
  'ISO 2022 IR 13': 'shift_jis',
  'ISO 2022 IR 166': 'windows-874',
  'ISO 2022 IR 87': 'latin1',
  'ISO 2022 IR 159': 'latin1',
  'ISO 2022 IR 149': 'latin1',
  'ISO 2022 IR 58': 'latin1',
};

/** Escape sequence (bytes after ESC, as latin1 text) → decoder for the run that follows. */
const ESCAPES: Record<string, RunKind> = {
  '(B': { label: 'latin1' }, // ASCII G0
  '(J': { label: 'shift_jis' }, // JIS X 0201 Romaji G0
  ')I': { label: 'shift_jis' }, // JIS X 0201 Katakana G1
  '$B': { label: 'iso-2022-jp', wrap: 'jis0208' }, // JIS X 0208 G0
  '$(D': { label: 'euc-jp', wrap: 'jis0212' }, // JIS X 0212 G0
  '$)C': { label: 'euc-kr' }, // KS X 1001 G1
  '$)A': { label: 'gbk' }, // GB 2312 G1
  '-A': { label: 'latin1' },
  '-B': { label: 'iso-8859-2' },
  '-C': { label: 'iso-8859-3' },
  '-D': { label: 'iso-8859-4' },
  '-L': { label: 'iso-8859-5' },
  '-G': { label: 'iso-8859-6' },
  '-F': { label: 'iso-8859-7' },
  '-H': { label: 'iso-8859-8' },
  '-M': { label: 'iso-8859-9' },
  '-b': { label: 'iso-8859-15' },
  '-T': { label: 'windows-874' },
};

const decoders = new Map<string, InstanceType<typeof TextDecoder>>();
function decoder(label: string): InstanceType<typeof TextDecoder> {
  let d = decoders.get(label);
  if (!d) {
    try {
      d = new TextDecoder(label);
    } catch {
      d = new TextDecoder('latin1');
    }
    decoders.set(label, d);
  }
  return d;
}

function decodeRun(bytes: Uint8Array, kind: RunKind): string {
  if (!bytes.length) return '';
  if (kind.wrap === 'jis0208') {
    const wrapped = new Uint8Array(bytes.length + 6);
    wrapped.set([0x1b, 0x24, 0x42]);
    wrapped.set(bytes, 3);
    wrapped.set([0x1b, 0x28, 0x42], bytes.length + 3);
    return decoder('iso-2022-jp').decode(wrapped);
  }
  if (kind.wrap === 'jis0212') {
    // EUC-JP encodes JIS X 0212 as 0x8F followed by the two bytes with the high bit set.
    const out: number[] = [];
    for (let i = 0; i + 1 < bytes.length; i += 2) out.push(0x8f, bytes[i] | 0x80, bytes[i + 1] | 0x80);
    return decoder('euc-jp').decode(Uint8Array.from(out));
  }
  return decoder(kind.label).decode(bytes);
}

/** Normalises the (0008,0005) values: trims, keeps empty first value (= default repertoire). */
export function parseCharsets(value: string | undefined): string[] {
  if (!value) return [];
  return value.split('\\').map((v) => v.trim());
}

/** True when the set uses ISO 2022 code extensions (escape sequences inside values). */
function uses2022(charsets: string[]): boolean {
  return charsets.length > 1 || charsets.some((c) => c.startsWith('ISO 2022'));
}

function initialKind(charsets: string[]): RunKind {
  const first = charsets[0] ?? '';
  const label = SINGLE[first] ?? INITIAL_2022[first] ?? SINGLE[first.replace('ISO 2022', 'ISO_IR')] ?? 'latin1';
  return { label };
}

const ESC = 0x1b;
/** Delimiters that return ISO 2022 text to the initial designation (PS3.5 §6.1.2.5.3). */
const RESET_PN = new Set([0x5e, 0x3d, 0x5c, 0x0d, 0x0a, 0x09, 0x0c]);
const RESET_TEXT = new Set([0x5c, 0x0d, 0x0a, 0x09, 0x0c]);

/**
 * Decodes a string value with the dataset's Specific Character Set. `isPN` makes `^` and `=`
 * reset ISO 2022 designations as PN component delimiters do.
 */
export function decodeDicomText(bytes: Uint8Array, charsets: string[], isPN = false): string {
  if (!uses2022(charsets)) {
    const label = SINGLE[charsets[0] ?? ''] ?? SINGLE[(charsets[0] ?? '').replace('ISO 2022', 'ISO_IR')] ?? 'latin1';
    return decoder(label).decode(bytes);
  }
  const initial = initialKind(charsets);
  const resets = isPN ? RESET_PN : RESET_TEXT;
  let kind = initial;
  let out = '';
  let start = 0;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === ESC) {
      out += decodeRun(bytes.subarray(start, i), kind);
      // An escape sequence is ESC + intermediates (0x20-0x2F) + one final byte (0x30-0x7E).
      let j = i + 1;
      while (j < bytes.length && bytes[j] >= 0x20 && bytes[j] <= 0x2f) j++;
      const seq = String.fromCharCode(...bytes.subarray(i + 1, Math.min(j + 1, bytes.length)));
      kind = ESCAPES[seq] ?? initial;
      i = j + 1;
      start = i;
      continue;
    }
    // In a two-byte G0 set (JIS X 0208/0212) 0x21-0x7E are character halves, not delimiters.
    if (resets.has(b) && !kind.wrap) {
      out += decodeRun(bytes.subarray(start, i), kind);
      out += String.fromCharCode(b);
      kind = initial;
      start = i + 1;
    }
    i++;
  }
  out += decodeRun(bytes.subarray(start), kind);
  return out;
}

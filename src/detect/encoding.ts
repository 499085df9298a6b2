/**
 * Text encodings of JSON/NDJSON/XML files from strangers. FHIR says UTF-8, but Windows tools
 * save UTF-16 with a byte order mark, and some add a UTF-8 BOM: those are read. UTF-32 and
 * UTF-16 without a BOM are recognised only to say clearly that they are not supported.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type EncodingSniff = { encoding: TextEncoding; bom: number } | { unsupported: string };

/** Decides the encoding from the first bytes (at least 4 when the file has them). */
export function sniffEncoding(b: Uint8Array): EncodingSniff {
  if (b[0] === 0x00 && b[1] === 0x00 && b[2] === 0xfe && b[3] === 0xff) return { unsupported: 'UTF-32 (big-endian, with BOM)' };
  if (b[0] === 0xff && b[1] === 0xfe && b[2] === 0x00 && b[3] === 0x00 && b.length >= 4) return { unsupported: 'UTF-32 (little-endian, with BOM)' };
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  // No BOM: an ASCII first character next to NUL bytes is UTF-16/UTF-32 (RFC 8259 §8.1 pattern).
  if (b.length >= 4) {
    if (b[0] === 0 && b[1] === 0 && b[2] === 0 && b[3] !== 0) return { unsupported: 'UTF-32 (big-endian, no BOM)' };
    if (b[0] !== 0 && b[1] === 0 && b[2] === 0 && b[3] === 0) return { unsupported: 'UTF-32 (little-endian, no BOM)' };
    if (b[0] === 0 && b[1] !== 0) return { unsupported: 'UTF-16 big-endian without a byte order mark' };
    if (b[0] !== 0 && b[1] === 0) return { unsupported: 'UTF-16 little-endian without a byte order mark' };
  }
  return { encoding: 'utf-8', bom: 0 };
}

export class UnsupportedEncodingError extends Error {
  readonly code = 'unsupported-encoding';
  constructor(what: string) {
    super(`the file is encoded as ${what}; FHIR files must be UTF-8 (UTF-16 with a byte order mark is also read). Save it as UTF-8 and import it again`);
  }
}

/** Decodes a whole file to text (BOM dropped); throws UnsupportedEncodingError for other encodings. */
export function decodeText(bytes: Uint8Array): string {
  const sniff = sniffEncoding(bytes);
  if ('unsupported' in sniff) throw new UnsupportedEncodingError(sniff.unsupported);
  return new TextDecoder(sniff.encoding, { ignoreBOM: true }).decode(bytes.subarray(sniff.bom));
}

/** Decodes a head of a file for sniffing (tolerant: a cut multi-byte sequence at the end is fine). */
export function decodeHead(bytes: Uint8Array): string | undefined {
  const sniff = sniffEncoding(bytes);
  if ('unsupported' in sniff) return undefined;
  return new TextDecoder(sniff.encoding, { ignoreBOM: true }).decode(bytes.subarray(sniff.bom));
}

/**
 * A byte stream as UTF-8 bytes: UTF-16 (with BOM) transcoded chunk by chunk, a UTF-8 BOM
 * dropped, UTF-8 passed through untouched. Throws UnsupportedEncodingError on other encodings.
 */
export async function* utf8Stream(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  let head = Buffer.alloc(0);
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let decided = false;
  for await (const chunk of stream) {
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (!decided) {
      head = Buffer.concat([head, buf]);
      if (head.length < 4) continue;
      buf = head;
      decided = true;
      const sniff = sniffEncoding(head);
      if ('unsupported' in sniff) throw new UnsupportedEncodingError(sniff.unsupported);
      buf = buf.subarray(sniff.bom);
      if (sniff.encoding !== 'utf-8') decoder = new TextDecoder(sniff.encoding, { ignoreBOM: true });
    }
    if (decoder) {
      const text = decoder.decode(buf, { stream: true });
      if (text) yield Buffer.from(text, 'utf8');
    } else if (buf.length) {
      yield buf;
    }
  }
  if (!decided && head.length) {
    const sniff = sniffEncoding(head);
    if ('unsupported' in sniff) throw new UnsupportedEncodingError(sniff.unsupported);
    const text = new TextDecoder(sniff.encoding, { ignoreBOM: true }).decode(head.subarray(sniff.bom));
    if (text) yield Buffer.from(text, 'utf8');
  } else if (decoder) {
    const rest = decoder.decode();
    if (rest) yield Buffer.from(rest, 'utf8');
  }
}

/** Line splitting for NDJSON streams: bounded memory, 1-based line numbers, BOM and CRLF tolerated. */

export interface Line {
  text: string;
  line: number;
}

/**
 * Yields the lines of a byte stream (empty lines included, so numbers match the file). Splits on
 * the 0x0A byte, which never occurs inside a UTF-8 sequence, and decodes each line once.
 */
export async function* readLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Line[]> {
  let pending: Buffer[] = [];
  let n = 0;
  const text = (b: Buffer, from: number, to: number) => {
    if (to > from && b[to - 1] === 13) to--;
    if (n === 0 && b[from] === 0xef && b[from + 1] === 0xbb && b[from + 2] === 0xbf) from += 3;
    return b.toString('utf8', from, to);
  };
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    const lines: Line[] = [];
    for (let nl = buf.indexOf(10); nl >= 0; nl = buf.indexOf(10, start)) {
      if (pending.length) {
        pending.push(buf.subarray(start, nl));
        const joined = Buffer.concat(pending);
        pending = [];
        lines.push({ text: text(joined, 0, joined.length), line: ++n });
      } else {
        lines.push({ text: text(buf, start, nl), line: ++n });
      }
      start = nl + 1;
    }
    if (start < buf.length) pending.push(buf.subarray(start));
    if (lines.length) yield lines;
  }
  if (pending.length) {
    const joined = Buffer.concat(pending);
    if (joined.length) yield [{ text: text(joined, 0, joined.length), line: ++n }];
  }
}

/** Same as readLines for text already in memory. */
export function* splitLines(text: string): Generator<Line> {
  let start = 0;
  let n = 0;
  if (text.charCodeAt(0) === 0xfeff) start = 1;
  while (start < text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) nl = text.length;
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    yield { text: text.slice(start, end), line: ++n };
    start = nl + 1;
  }
}

/** Line splitting for NDJSON streams: bounded memory, 1-based line numbers, BOM and CRLF tolerated. */
import { StringDecoder } from 'node:string_decoder';

export interface Line {
  text: string;
  line: number;
}

/** Yields the lines of a byte stream (empty lines included, so numbers match the file). */
export async function* readLines(stream: AsyncIterable<Buffer | string>): AsyncGenerator<Line> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let n = 0;
  let first = true;
  for await (const chunk of stream) {
    let s = typeof chunk === 'string' ? chunk : decoder.write(chunk);
    if (first && s.length) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      first = false;
    }
    rest += s;
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', start)) {
      const end = nl > start && rest.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      yield { text: rest.slice(start, end), line: ++n };
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.end();
  if (rest.length) yield { text: rest.endsWith('\r') ? rest.slice(0, -1) : rest, line: ++n };
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

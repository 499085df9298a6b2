/** A SourceInput over a file on disk, for the eval, the bench and tests (the pipeline reads from the vault instead). */
import { createReadStream, openSync, readSync, closeSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { Format, SourceInput } from '../../core/types.js';
import { detectFormat, HEAD_BYTES, TAIL_BYTES } from '../../detect/detect.js';

/** Reads the first HEAD_BYTES of a file for format detection. */
export function detectFile(path: string): Format {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    readSync(fd, head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, TAIL_BYTES));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    return detectFormat(head, size, tail);
  } finally {
    closeSync(fd);
  }
}

export function fileInput(path: string, format: Format = detectFile(path)): SourceInput {
  return {
    filename: basename(path),
    format,
    size: statSync(path).size,
    bytes: () => readFile(path),
    stream: () => createReadStream(path, { highWaterMark: 256 * 1024 }),
  };
}

/** A SourceInput over bytes in memory (tests). */
export function bytesInput(filename: string, data: string | Uint8Array, format?: Format): SourceInput {
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  return {
    filename,
    format: format ?? detectFormat(buf.subarray(0, HEAD_BYTES), buf.length),
    size: buf.length,
    bytes: async () => buf,
    stream: () => {
      // Small chunks so tests exercise lines split across chunks.
      const chunks: Buffer[] = [];
      for (let i = 0; i < buf.length; i += 7) chunks.push(buf.subarray(i, i + 7));
      return Readable.from(chunks);
    },
  };
}

/** Runs an adapter result (one Extraction or a stream of parts) to a list of parts. */
export async function collectParts<T>(result: Promise<T> | AsyncIterable<T>): Promise<T[]> {
  if (Symbol.asyncIterator in (result as object)) {
    const parts: T[] = [];
    for await (const p of result as AsyncIterable<T>) parts.push(p);
    return parts;
  }
  return [await (result as Promise<T>)];
}

/**
 * Reading ZIP archives from strangers: entries are streamed one at a time (bounded memory),
 * names are checked (no absolute paths, no `..`: zip slip), declared and actual sizes are
 * bounded (zip bombs: total bytes, compression ratio, entry count). A bad entry is reported
 * and skipped; the rest of the archive goes on. That includes an entry whose sizes do not agree:
 * yauzl's own check (`validateEntrySizes`) ends the whole archive on a stored entry whose two
 * sizes differ, so it is off and the checks are made here, per entry: such a stored entry is
 * skipped with its reason, and every entry's data is counted against its declared size as it is
 * read (more or fewer bytes: that entry fails, the walk goes on).
 */
import yauzl from 'yauzl';
import { pipeline, Transform, type Readable } from 'node:stream';
import type { ImportLimits } from '../core/config.js';

export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

export type ZipEntryVisitor = (entry: ZipEntryInfo, open: () => Promise<Readable>) => Promise<void>;

export interface ZipProblem {
  entry?: string;
  message: string;
}

/** Why a path inside a zip may not be used, or undefined when it is safe. */
export function unsafeEntryName(name: string): string | undefined {
  if (!name) return 'empty entry name';
  if (/[\u0000-\u001f]/.test(name)) return 'entry name contains control characters';
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return 'entry has an absolute path';
  if (name.split(/[\\/]+/).some((p) => p === '..')) return 'entry path climbs out of the archive (zip slip)';
  return undefined;
}

/** Operating-system clutter that is never a record. */
export function isJunkEntry(name: string): boolean {
  return /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i.test(name);
}

/** Passes an entry's bytes on, failing when they are more or fewer than it declared (yauzl's check, per stream). */
function countedAs(declared: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      seen += chunk.length;
      if (seen > declared) return cb(new Error(`too many bytes in the stream: the entry declares ${declared}, it holds at least ${seen}`));
      cb(null, chunk);
    },
    flush(cb) {
      cb(seen < declared ? new Error(`not enough bytes in the stream: the entry declares ${declared}, it holds ${seen}`) : null);
    },
  });
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(buffer, { lazyEntries: true, decodeStrings: false, validateEntrySizes: false, strictFileNames: false }, (err, zf) =>
      err || !zf ? reject(err ?? new Error('cannot open zip')) : resolve(zf),
    ),
  );
}

/**
 * Visits every safe file entry. Returns the problems found; throws only when the archive as
 * a whole cannot be read (not a zip, truncated central directory).
 */
export async function walkZip(buffer: Buffer, limits: ImportLimits, visit: ZipEntryVisitor): Promise<ZipProblem[]> {
  const zf = await openZip(buffer);
  const problems: ZipProblem[] = [];
  let total = 0;
  let count = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      zf.on('error', reject);
      zf.on('end', () => resolve());
      zf.on('entry', (entry: yauzl.Entry) => {
        const step = async () => {
          const raw = entry.fileName as unknown as Buffer;
          // Bit 11 = UTF-8 names; otherwise CP437, whose ASCII range is what matters for safety checks.
          const name = (entry.generalPurposeBitFlag & 0x800 ? raw.toString('utf8') : raw.toString('latin1')).replace(/\\/g, '/');
          if (name.endsWith('/') || isJunkEntry(name)) return;
          if (++count > limits.maxZipEntries) {
            problems.push({ message: `archive has more than ${limits.maxZipEntries} entries; the rest were not read` });
            zf.close();
            return resolve();
          }
          const bad = unsafeEntryName(name);
          if (bad) return void problems.push({ entry: name, message: `${bad}; entry skipped` });
          const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : entry.uncompressedSize > 0 ? Infinity : 0;
          if (ratio > limits.maxZipRatio && entry.uncompressedSize > 1024 * 1024) {
            return void problems.push({ entry: name, message: `entry expands ${Math.round(ratio)}x (zip bomb guard: at most ${limits.maxZipRatio}x); entry skipped` });
          }
          if (entry.uncompressedSize > limits.maxFileBytes) {
            return void problems.push({ entry: name, message: `entry is larger than the file size limit (${limits.maxFileBytes} bytes); entry skipped` });
          }
          if (total + entry.uncompressedSize > limits.maxZipTotalBytes) {
            return void problems.push({ entry: name, message: `archive expands beyond ${limits.maxZipTotalBytes} bytes in total (zip bomb guard); entry skipped` });
          }
          // Stored data is its own size (traditional encryption adds a 12-byte header).
          const storedSize = entry.uncompressedSize + (entry.isEncrypted() ? 12 : 0);
          if (entry.compressionMethod === 0 && entry.compressedSize !== storedSize) {
            return void problems.push({ entry: name, message: `entry is stored uncompressed but declares ${entry.compressedSize} bytes stored and ${entry.uncompressedSize} bytes of content (a damaged or crafted archive); entry skipped` });
          }
          total += entry.uncompressedSize;
          const open = () =>
            new Promise<Readable>((res, rej) =>
              zf.openReadStream(entry, (err, s) => {
                if (err || !s) return rej(err ?? new Error('cannot read entry'));
                const counted = countedAs(entry.uncompressedSize);
                // On a count error the entry's stream is destroyed (yauzl stops reading and inflating it).
                res(pipeline(s, counted, () => undefined));
              }),
            );
          try {
            await visit({ name, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize }, open);
          } catch (err) {
            problems.push({ entry: name, message: `could not read entry: ${(err as Error).message}` });
          }
        };
        step().then(
          () => zf.readEntry(),
          (err) => reject(err),
        );
      });
      zf.readEntry();
    });
  } finally {
    zf.close();
  }
  return problems;
}

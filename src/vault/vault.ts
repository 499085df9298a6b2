/**
 * The vault: every received file, byte for byte, content-addressed by SHA-256 of its
 * plaintext and encrypted at rest with AES-256-GCM.
 *
 * On-disk object: 'VSL2'(4) | key id(4) | IV(12) | ciphertext | TAG(16), at <root>/<sha[0:2]>/<sha>.
 * The key id names which key of the keyring sealed it (key rotation, src/vault/rotate.ts);
 * objects of the first format, 'VSL1' | IV | …, were sealed with the install's first key.
 * Writes go to a temp file and are renamed into place, so a crash never leaves a
 * half-written object under its final name. Streams keep memory bounded for huge files.
 *
 * A batch (putMany: the attachments of one part of a document) is one pack file instead:
 * 'VSLP'(4) | count(4) | count × (sha256(32) | offset(8) | length(4)) | the objects, each
 * sealed as above. Every object's name is a hard link to the pack, so names, `has`, `list`
 * and removal work as for single objects; readers find their object's bytes through the
 * pack's index. Why: creating a file costs 0.3–0.8 ms of kernel CPU on some ext4 setups
 * (inode allocation; a hard link ~12 µs), which for a bulk export's notes was more than
 * everything else the import does per resource.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { syncFileSystemOf } from './syncfs.js';

const MAGIC_V1 = Buffer.from('VSL1');
const MAGIC = Buffer.from('VSL2');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_BYTES = 4;
const HEADER_BYTES = MAGIC.length + KEY_ID_BYTES + IV_BYTES;
const V1_HEADER_BYTES = MAGIC_V1.length + IV_BYTES;
const PACK_MAGIC = Buffer.from('VSLP');
const PACK_ENTRY_BYTES = 32 + 8 + 4;
/** From this many new objects on, putMany writes one pack (fewer: a file each, as putStream). */
const PACK_FROM = 2;
const PACK_MAX_OBJECTS = 4096;
/** Sealed bytes gathered before each write of a pack. */
const PACK_WRITE_BYTES = 1 << 20;

/**
 * Random bytes for IVs and temp names, drawn 4 KiB at a time and each handed out once: a
 * `randomBytes` call costs ~10–70 µs of CPU on this kind of VM whatever its size, and a pack of
 * a bulk export's 1,216 notes made ~2,400 small ones (an IV and a temp name per object).
 */
let randomPool = Buffer.alloc(0);
let randomAt = 0;
function freshRandom(n: number): Buffer {
  if (randomAt + n > randomPool.length) {
    randomPool = randomBytes(Math.max(4096, n));
    randomAt = 0;
  }
  const out = randomPool.subarray(randomAt, randomAt + n);
  randomAt += n;
  return out;
}

/** Where an object's sealed bytes are: the whole file, or its range inside a pack. */
interface Located {
  file: string;
  start: number;
  length: number;
}

/** A short public name of a key: the first bytes of its SHA-256 (reveals nothing of it). */
export function keyIdOf(key: Buffer): Buffer {
  return createHash('sha256').update(key).digest().subarray(0, KEY_ID_BYTES);
}
/** Files written at once by putMany. */
const WRITE_CONCURRENCY = 16;
/** From this many new objects on, putMany flushes the whole file system twice instead of each file and folder. */
const SYNCFS_FROM = 16;

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

/** Appends buffers to a file; a short write is an error, not a torn object. */
async function writeAll(fh: fsp.FileHandle, buffers: Buffer[], bytes: number): Promise<void> {
  const { bytesWritten } = await fh.writev(buffers);
  if (bytesWritten !== bytes) throw new Error(`vault pack: wrote ${bytesWritten} of ${bytes} bytes`);
}

/** fsync of a file or folder (a folder: its entry list, which makes a rename durable). */
async function syncPath(p: string): Promise<void> {
  const fh = await fsp.open(p, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

let syncfsWorks: boolean | undefined;

/**
 * Flushes everything written to the file system holding `p` with one syncfs(2) (coreutils
 * `sync -f`, run by a helper shell: syncfs.ts; Node has no binding). One call replaces a flush
 * per object, which on a busy disk costs milliseconds each. Returns false where it is not
 * available (not Linux, no coreutils).
 */
async function syncFileSystem(p: string): Promise<boolean> {
  // Elsewhere `sync` may ignore -f and return before the data is written (BSD sync(2)).
  if (process.platform !== 'linux' || syncfsWorks === false) return false;
  try {
    await syncFileSystemOf(p);
    syncfsWorks = true;
  } catch (err) {
    if (syncfsWorks) throw err; // it worked before: this is a real failure to flush
    syncfsWorks = false;
  }
  return syncfsWorks;
}

export interface PutResult {
  sha256: string;
  size: number;
  /** false when the vault already held these bytes. */
  created: boolean;
}

export class VaultError extends Error {
  constructor(
    message: string,
    readonly code: 'not_found' | 'corrupt' | 'too_large',
  ) {
    super(message);
  }
}

export class Vault {
  /** The key new objects are sealed with: the first of the keyring. */
  private readonly key: Buffer;
  private readonly keyId: Buffer;
  private readonly keys: Buffer[];

  /** `keys`: the keyring, current key first (older ones only while a rotation runs). */
  constructor(
    private readonly root: string,
    keys: Buffer | Buffer[],
  ) {
    this.keys = Array.isArray(keys) ? keys : [keys];
    this.key = this.keys[0];
    this.keyId = keyIdOf(this.key);
    fs.mkdirSync(root, { recursive: true, mode: 0o700 });
    this.removeOrphanTemps();
  }

  /** Temp files of processes that died mid-write (kill -9) are garbage: their bytes were never committed. */
  private removeOrphanTemps(): void {
    const dir = path.join(this.root, 'tmp');
    if (!fs.existsSync(dir)) return;
    for (const name of fs.readdirSync(dir)) {
      const pid = Number(name.split('-')[0]);
      let alive = false;
      try {
        process.kill(pid, 0);
        alive = true;
      } catch (err) {
        alive = (err as NodeJS.ErrnoException).code === 'EPERM';
      }
      if (!alive) fs.rmSync(path.join(dir, name), { force: true });
    }
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new VaultError(`not a sha256: ${sha256}`, 'not_found');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async has(sha256: string): Promise<boolean> {
    return fs.existsSync(this.pathOf(sha256));
  }

  async putBytes(bytes: Uint8Array): Promise<PutResult> {
    return this.putStream(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]));
  }

  async putFile(file: string, maxBytes = Infinity): Promise<PutResult> {
    return this.putStream(fs.createReadStream(file), maxBytes);
  }

  /** Hashes and encrypts in one pass; the object's name is known only at the end. */
  async putStream(input: NodeJS.ReadableStream, maxBytes = Infinity): Promise<PutResult> {
    const { tmp, sha256, size } = await this.putStreamTo(input, path.join(this.root, 'tmp'), maxBytes);
    const dest = this.pathOf(sha256);
    if (fs.existsSync(dest)) {
      await fsp.rm(tmp, { force: true });
      return { sha256, size, created: false };
    }
    await fsp.mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
    await syncPath(tmp);
    await fsp.rename(tmp, dest);
    return { sha256, size, created: true };
  }

  /** Encrypts a stream with the current key into a new temp file; the caller moves it. */
  private async putStreamTo(input: NodeJS.ReadableStream, tmpDir: string, maxBytes = Infinity): Promise<{ tmp: string; sha256: string; size: number }> {
    await fsp.mkdir(tmpDir, { recursive: true, mode: 0o700 });
    const tmp = path.join(tmpDir, `${process.pid}-${freshRandom(8).toString('hex')}`);
    const iv = freshRandom(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const keyId = this.keyId;
    const hash = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        size += chunk.length;
        if (size > maxBytes) return cb(new VaultError(`file is larger than the limit of ${maxBytes} bytes`, 'too_large'));
        hash.update(chunk);
        cb(null, chunk);
      },
    });
    // Header first, then ciphertext, then the tag, which exists only once the cipher has finished.
    async function* framed(source: AsyncIterable<Buffer>) {
      yield Buffer.concat([MAGIC, keyId, iv]);
      for await (const chunk of source) yield chunk;
      yield cipher.getAuthTag();
    }
    try {
      await pipeline(input, tap, cipher, framed, fs.createWriteStream(tmp, { mode: 0o600 }));
    } catch (err) {
      await fsp.rm(tmp, { force: true });
      throw err;
    }
    return { tmp, sha256: hash.digest('hex'), size };
  }

  /**
   * Stores many small originals at once (attachments found inside a document): each is
   * encrypted in memory; two or more new ones go into one pack file whose objects are named by
   * hard links (putPack), else (one object, or no hard links) each is written to a temp file;
   * the files are flushed, renamed (linked) into place, and the names flushed. A large batch flushes the file system once per step
   * instead of every file and folder (syncFileSystem); a small one flushes each. Results are
   * in input order; the same bytes twice in one batch are stored once.
   */
  async putMany(items: Uint8Array[]): Promise<PutResult[]> {
    const tmpDir = path.join(this.root, 'tmp');
    await fsp.mkdir(tmpDir, { recursive: true, mode: 0o700 });
    const results: PutResult[] = [];
    const pending = new Map<string, { tmp: string; dest: string; bytes: Uint8Array }>();
    for (const bytes of items) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      results.push({ sha256, size: bytes.byteLength, created: false });
      if (pending.has(sha256)) continue;
      const dest = this.pathOf(sha256);
      if (fs.existsSync(dest)) continue;
      pending.set(sha256, { tmp: path.join(tmpDir, `${process.pid}-${freshRandom(8).toString('hex')}`), dest, bytes });
      results[results.length - 1].created = true;
    }
    let writes = [...pending.values()];
    // Packs of at most PACK_MAX_OBJECTS (an inode's links are limited: 65,000 on ext4).
    while (writes.length >= PACK_FROM && (await this.putPack(writes.slice(0, PACK_MAX_OBJECTS), tmpDir))) writes = writes.slice(PACK_MAX_OBJECTS);
    try {
      await inBatches(writes, WRITE_CONCURRENCY, (w) => fsp.writeFile(w.tmp, this.seal(w.bytes), { flag: 'wx', mode: 0o600 }));
      // The bytes reach the disk before their names do: a crash never leaves a torn object under its final name.
      const whole = writes.length >= SYNCFS_FROM && (await syncFileSystem(tmpDir));
      if (!whole) await inBatches(writes, WRITE_CONCURRENCY, (w) => syncPath(w.tmp));
      const dirs = new Set(writes.map((w) => path.dirname(w.dest)));
      for (const d of dirs) await fsp.mkdir(d, { recursive: true, mode: 0o700 });
      for (const w of writes) await fsp.rename(w.tmp, w.dest);
      if (!(whole && (await syncFileSystem(tmpDir)))) await inBatches([...dirs], WRITE_CONCURRENCY, syncPath);
    } catch (err) {
      await Promise.all(writes.map((w) => fsp.rm(w.tmp, { force: true })));
      throw err;
    }
    return results;
  }

  /**
   * Writes a batch as one pack (see the file's comment): one file created, flushed, then a
   * hard link per object under its name, the links flushed, the temp name removed. Returns
   * false, having linked nothing, where the file system has no hard links (the caller then
   * writes a file per object).
   */
  private async putPack(writes: Array<{ tmp: string; dest: string; bytes: Uint8Array }>, tmpDir: string): Promise<boolean> {
    // A sealed object is its plaintext's length plus header and tag (GCM adds no padding): the
    // index is written first and each object sealed as it is written, so a batch of tens of MB
    // is not held twice.
    const sealedLength = (bytes: Uint8Array) => HEADER_BYTES + bytes.byteLength + TAG_BYTES;
    const index = Buffer.alloc(PACK_MAGIC.length + 4 + writes.length * PACK_ENTRY_BYTES);
    PACK_MAGIC.copy(index, 0);
    index.writeUInt32BE(writes.length, PACK_MAGIC.length);
    let offset = index.length;
    writes.forEach((w, i) => {
      const at = PACK_MAGIC.length + 4 + i * PACK_ENTRY_BYTES;
      Buffer.from(path.basename(w.dest), 'hex').copy(index, at);
      index.writeBigUInt64BE(BigInt(offset), at + 32);
      index.writeUInt32BE(sealedLength(w.bytes), at + 40);
      offset += sealedLength(w.bytes);
    });
    const pack = path.join(tmpDir, `${process.pid}-${freshRandom(8).toString('hex')}`);
    let linked = 0;
    try {
      const fh = await fsp.open(pack, 'wx', 0o600);
      try {
        let chunk: Buffer[] = [index];
        let chunkBytes = index.length;
        for (const w of writes) {
          const sealed = this.seal(w.bytes);
          if (sealed.length !== sealedLength(w.bytes)) throw new Error('vault pack: sealed object length differs from its index entry');
          chunk.push(sealed);
          chunkBytes += sealed.length;
          if (chunkBytes >= PACK_WRITE_BYTES) {
            await writeAll(fh, chunk, chunkBytes);
            chunk = [];
            chunkBytes = 0;
          }
        }
        if (chunk.length) await writeAll(fh, chunk, chunkBytes);
      } finally {
        await fh.close();
      }
      // The bytes reach the disk before any name does: a crash never leaves a name on a torn pack.
      const whole = writes.length >= SYNCFS_FROM && (await syncFileSystem(tmpDir));
      if (!whole) await syncPath(pack);
      const dirs = new Set(writes.map((w) => path.dirname(w.dest)));
      for (const d of dirs) await fsp.mkdir(d, { recursive: true, mode: 0o700 });
      for (const w of writes) {
        try {
          await fsp.link(pack, w.dest);
          linked++;
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'EEXIST') continue; // stored meanwhile by another process: the same bytes
          if (linked === 0 && (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EMLINK' || code === 'EXDEV')) return false;
          throw err;
        }
      }
      if (!(whole && (await syncFileSystem(tmpDir)))) await inBatches([...dirs], WRITE_CONCURRENCY, syncPath);
      return true;
    } finally {
      // The temp name only: names already linked (even after an error) point at a whole, flushed pack.
      await fsp.rm(pack, { force: true });
    }
  }

  /** One object sealed in memory with the current key. */
  private seal(bytes: Uint8Array): Buffer {
    const iv = freshRandom(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = cipher.update(bytes);
    const final = cipher.final();
    return Buffer.concat([MAGIC, this.keyId, iv, body, final, cipher.getAuthTag()]);
  }

  /** The file and byte range holding an object's sealed bytes (its own file, or its entry in a pack). */
  private locate(sha256: string): Located {
    const file = this.pathOf(sha256);
    let fd: number;
    try {
      fd = fs.openSync(file, 'r');
    } catch {
      throw new VaultError(`original ${sha256} is not in the vault`, 'not_found');
    }
    try {
      const size = fs.fstatSync(fd).size;
      const head = Buffer.alloc(PACK_MAGIC.length + 4);
      const n = fs.readSync(fd, head, 0, head.length, 0);
      if (n < head.length || !head.subarray(0, PACK_MAGIC.length).equals(PACK_MAGIC)) return { file, start: 0, length: size };
      const count = head.readUInt32BE(PACK_MAGIC.length);
      if (head.length + count * PACK_ENTRY_BYTES > size) throw new VaultError(`vault pack of ${sha256} is truncated`, 'corrupt');
      const index = Buffer.alloc(count * PACK_ENTRY_BYTES);
      if (fs.readSync(fd, index, 0, index.length, head.length) < index.length) throw new VaultError(`vault pack of ${sha256} is truncated`, 'corrupt');
      const want = Buffer.from(sha256, 'hex');
      for (let at = 0; at < index.length; at += PACK_ENTRY_BYTES) {
        if (!index.subarray(at, at + 32).equals(want)) continue;
        const start = Number(index.readBigUInt64BE(at + 32));
        const length = index.readUInt32BE(at + 40);
        if (start + length > size) throw new VaultError(`vault object ${sha256} is truncated`, 'corrupt');
        return { file, start, length };
      }
      throw new VaultError(`vault object ${sha256} is not in the pack its name points at`, 'corrupt');
    } finally {
      fs.closeSync(fd);
    }
  }

  /** The object's sealed bytes as stored (for a backup): its own file, or its entry cut out of a pack. */
  async sealedBytes(sha256: string): Promise<Buffer> {
    const at = this.locate(sha256);
    const fh = await fsp.open(at.file, 'r');
    try {
      const out = Buffer.alloc(at.length);
      const { bytesRead } = await fh.read(out, 0, at.length, at.start);
      if (bytesRead < at.length) throw new VaultError(`vault object ${sha256} is truncated`, 'corrupt');
      return out;
    } finally {
      await fh.close();
    }
  }

  /** Decrypted stream of an original; the GCM tag is checked at the end of the stream. */
  openStream(sha256: string): Readable {
    const { file, start, length } = this.locate(sha256);
    if (length < V1_HEADER_BYTES + TAG_BYTES) throw new VaultError(`vault object ${sha256} is truncated`, 'corrupt');
    const fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(HEADER_BYTES);
    const tag = Buffer.alloc(TAG_BYTES);
    fs.readSync(fd, head, 0, HEADER_BYTES, start);
    fs.readSync(fd, tag, 0, TAG_BYTES, start + length - TAG_BYTES);
    fs.closeSync(fd);
    const { key, iv, headerBytes } = this.headerKey(sha256, head);
    if (length < headerBytes + TAG_BYTES) throw new VaultError(`vault object ${sha256} is truncated`, 'corrupt');
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAuthTag(tag);
    const bodyEnd = start + length - TAG_BYTES - 1;
    // An empty original has no ciphertext at all: only final() runs, which still checks the tag.
    const body = bodyEnd >= start + headerBytes ? fs.createReadStream(file, { start: start + headerBytes, end: bodyEnd }) : Readable.from([]);
    return body.pipe(decipher) as unknown as Readable;
  }

  /** Which key of the ring opens an object, from its header. */
  private headerKey(sha256: string, head: Buffer): { key: Buffer; iv: Buffer; headerBytes: number } {
    if (head.subarray(0, MAGIC_V1.length).equals(MAGIC_V1)) {
      // The first format predates rotation: its key is the install's first, the ring's last.
      return { key: this.keys[this.keys.length - 1], iv: head.subarray(MAGIC_V1.length, V1_HEADER_BYTES), headerBytes: V1_HEADER_BYTES };
    }
    if (!head.subarray(0, MAGIC.length).equals(MAGIC)) throw new VaultError(`vault object ${sha256} has no vault header`, 'corrupt');
    const id = head.subarray(MAGIC.length, MAGIC.length + KEY_ID_BYTES);
    const key = this.keys.find((k) => keyIdOf(k).equals(id));
    if (!key) throw new VaultError(`vault object ${sha256} was sealed with a key this install does not have`, 'corrupt');
    return { key, iv: head.subarray(MAGIC.length + KEY_ID_BYTES, HEADER_BYTES), headerBytes: HEADER_BYTES };
  }

  /** True when the object is sealed with the current key (nothing to do for a rotation). */
  sealedWithCurrentKey(sha256: string): boolean {
    const at = this.locate(sha256);
    const head = Buffer.alloc(HEADER_BYTES);
    const fd = fs.openSync(at.file, 'r');
    try {
      fs.readSync(fd, head, 0, HEADER_BYTES, at.start);
    } finally {
      fs.closeSync(fd);
    }
    return head.subarray(0, MAGIC.length).equals(MAGIC) && head.subarray(MAGIC.length, MAGIC.length + KEY_ID_BYTES).equals(this.keyId);
  }

  /**
   * Seals an object again with the current key: decrypted and re-encrypted to a temp file,
   * checked against its name, flushed, then renamed over the old one — at every instant the
   * object on disk is whole and opens with a key of the ring.
   */
  async reseal(sha256: string): Promise<boolean> {
    if (this.sealedWithCurrentKey(sha256)) return false;
    const tmpDir = path.join(this.root, 'tmp');
    const before = await this.putStreamTo(this.openStream(sha256), tmpDir);
    if (before.sha256 !== sha256) {
      await fsp.rm(before.tmp, { force: true });
      throw new VaultError(`vault object ${sha256} did not decrypt to its own content`, 'corrupt');
    }
    await syncPath(before.tmp);
    await fsp.rename(before.tmp, this.pathOf(sha256));
    await syncPath(path.dirname(this.pathOf(sha256)));
    return true;
  }

  async get(sha256: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const c of this.openStream(sha256)) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  /** Every sha256 held, for export and integrity checks. */
  async *list(): AsyncGenerator<string> {
    for (const dir of await fsp.readdir(this.root)) {
      if (!/^[0-9a-f]{2}$/.test(dir)) continue;
      for (const f of await fsp.readdir(path.join(this.root, dir))) if (/^[0-9a-f]{64}$/.test(f)) yield f;
    }
  }
}

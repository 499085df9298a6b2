/**
 * Frames of stored DICOM files for the viewer: PNG with window/level and a bounded size, and
 * the key tags. Decoding is CPU work, so it runs in a worker thread (frame-worker.ts; in-process
 * only where a worker cannot start) and is bounded: files larger than a limit are refused, at
 * most `concurrency` renders are in flight (more wait in a short queue, beyond it the caller is
 * told to retry), and PNGs (here) and decoded frames (in the worker) are cached so scrolling
 * back and dragging the window do not decode again.
 */
import { Worker } from 'node:worker_threads';
import { canDecode, TRANSFER_SYNTAXES } from '../sources/dicom/decode.js';
import { imageAttributes } from '../sources/dicom/decode.js';
import { parseDicomBytes, rawString, textString, type DicomFile } from '../sources/dicom/parse.js';
import { dicomDate } from '../sources/dicom/values.js';
import type { DicomTags } from './model.js';
import { CacheMiss, FrameError, FrameRenderer, SizedLru, type FrameRequest } from './render-frame.js';
import type { WorkerReply, WorkerRequest } from './frame-worker.js';

export { FrameError, type FrameRequest } from './render-frame.js';

export interface FrameServiceOptions {
  /** Largest DICOM file rendered, bytes (default 256 MiB). */
  maxFileBytes?: number;
  concurrency?: number;
  maxQueue?: number;
  /** Bytes of PNGs kept (default 32 MiB). */
  pngCacheBytes?: number;
  /** Render in this thread instead of a worker (tests of the renderer itself). */
  inProcess?: boolean;
}

/** Largest uncompressed frame rendered on the server's thread (~10 ms per million samples). */
const CHEAP_SAMPLES = 1024 * 1024;

export const MIN_SIZE = 16;
export const MAX_SIZE = 2048;

interface StoredFile {
  sha256: string;
  size: number;
}

/** One worker thread; requests are matched to replies by id. */
class FrameWorker {
  private worker: Worker;
  private next = 1;
  private pending = new Map<number, { resolve(r: WorkerReply): void; reject(e: Error): void }>();
  dead = false;

  constructor() {
    this.worker = new Worker(new URL('./frame-worker.mjs', import.meta.url));
    this.worker.unref();
    this.worker.on('message', (r: WorkerReply) => {
      this.pending.get(r.id)?.resolve(r);
      this.pending.delete(r.id);
    });
    const fail = (e: Error) => {
      this.dead = true;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`frame worker exited (${code})`)));
  }

  call(key: string, bytes: Uint8Array | undefined, req: FrameRequest): Promise<WorkerReply> {
    const id = this.next++;
    const msg: WorkerRequest = { id, key, bytes, req };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // The bytes are a fresh copy: hand their memory over instead of copying again.
      this.worker.postMessage(msg, bytes ? [bytes.buffer as ArrayBuffer] : []);
    });
  }

  close(): Promise<number> {
    return this.worker.terminate();
  }
}

export class FrameService {
  private running = 0;
  private waiting: Array<() => void> = [];
  private pngs: SizedLru<Buffer>;
  private worker?: FrameWorker;
  private local?: FrameRenderer;
  /** Where each file's frames are rendered (decided once per file from its header). */
  private where = new SizedLru<'here' | 'worker'>(100_000);
  /** Files whose frames the worker has decoded lately: ask it without sending the bytes first. */
  private warm = new SizedLru<true>(4096);
  private readonly maxFileBytes: number;
  private readonly concurrency: number;
  private readonly maxQueue: number;
  private inProcess: boolean;
  private workerFailures = 0;

  constructor(
    /** Reads a stored original by its SHA-256 (the vault). */
    private readonly read: (sha256: string) => Promise<Buffer>,
    opts: FrameServiceOptions = {},
  ) {
    this.maxFileBytes = opts.maxFileBytes ?? 256 * 1024 * 1024;
    this.concurrency = opts.concurrency ?? 2;
    this.maxQueue = opts.maxQueue ?? 64;
    this.pngs = new SizedLru(opts.pngCacheBytes ?? 32 * 1024 * 1024);
    this.inProcess = opts.inProcess ?? false;
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxQueue) throw new FrameError(503, 'busy', 'too many images are being rendered; try again in a moment');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private checkSize(doc: StoredFile) {
    if (doc.size > this.maxFileBytes) throw new FrameError(413, 'too-large', `the file is ${Math.round(doc.size / 1048576)} MB; images are shown from files up to ${Math.round(this.maxFileBytes / 1048576)} MB`);
  }

  private async bytes(doc: StoredFile): Promise<Uint8Array> {
    this.checkSize(doc);
    // A copy in its own ArrayBuffer (vault buffers may share a pool), so it can be transferred.
    return new Uint8Array(await this.read(doc.sha256));
  }

  private worker_(): FrameWorker | undefined {
    if (this.inProcess) return undefined;
    if (!this.worker || this.worker.dead) {
      try {
        this.worker = new FrameWorker();
      } catch {
        this.inProcess = true;
        return undefined;
      }
    }
    return this.worker;
  }

  /** Starts the worker ahead of the first image (the study list calls this): it takes ~1–2 s. */
  warmUp(): void {
    this.worker_();
  }

  /**
   * Uncompressed frames of ordinary size decode in a few milliseconds: they are rendered here
   * (no hand-over, no wait for a cold worker). Compressed or huge ones go to the worker.
   */
  private cheap(bytes: Uint8Array): boolean {
    const file = parseDicomBytes(bytes).file;
    if (!file) return true; // the error is explained faster here
    const a = imageAttributes(file.ds);
    return TRANSFER_SYNTAXES[file.transferSyntax]?.codec === 'native' && a.rows * a.columns * a.samplesPerPixel <= CHEAP_SAMPLES;
  }

  private async renderHere(doc: StoredFile, bytes: Uint8Array | undefined, req: FrameRequest): Promise<Buffer> {
    const r = (this.local ??= new FrameRenderer(64 * 1024 * 1024));
    try {
      return await r.render(doc.sha256, bytes, req);
    } catch (e) {
      if (!(e instanceof CacheMiss)) throw e;
      return r.render(doc.sha256, await this.bytes(doc), req);
    }
  }

  private async render(doc: StoredFile, req: FrameRequest): Promise<Buffer> {
    let bytes: Uint8Array | undefined;
    let where = this.where.get(doc.sha256);
    if (!where) {
      bytes = await this.bytes(doc);
      where = this.cheap(bytes) ? 'here' : 'worker';
      this.where.set(doc.sha256, where, 1);
    }
    const worker = where === 'worker' ? this.worker_() : undefined;
    if (!worker) return this.renderHere(doc, bytes, req);
    const warmKey = `${doc.sha256}:${req.frame}`;
    let reply: WorkerReply;
    const first = bytes ?? (this.warm.has(warmKey) ? undefined : await this.bytes(doc));
    try {
      reply = await worker.call(doc.sha256, first, req);
      if ('miss' in reply) reply = await worker.call(doc.sha256, await this.bytes(doc), req);
    } catch (e) {
      // The worker died (or never started): render here from now on rather than fail.
      if (e instanceof FrameError) throw e;
      this.workerFailures++;
      console.error(`frame worker failed (${(e as Error).message}); rendering in-process`);
      if (this.workerFailures >= 2) this.inProcess = true;
      return this.renderHere(doc, await this.bytes(doc), req);
    }
    if ('error' in reply) throw new FrameError(reply.error.status, reply.error.key, reply.error.message);
    if ('miss' in reply) throw new FrameError(503, 'busy', 'the image could not be rendered; try again');
    this.warm.set(warmKey, true, 1);
    return Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength);
  }

  /** One frame as PNG, windowed (centre/width in rescaled units) and fitted into `size` pixels. */
  async png(doc: StoredFile, req: FrameRequest): Promise<Buffer> {
    this.checkSize(doc);
    const key = `${doc.sha256}:${req.frame}:${req.center ?? ''}:${req.width ?? ''}:${req.size}`;
    const hit = this.pngs.get(key);
    if (hit) return hit;
    const png = await this.slot(() => this.render(doc, req));
    this.pngs.set(key, png, png.length);
    return png;
  }

  /** Frame count, decodability and the tags a viewer shows beside the image. */
  async tags(doc: StoredFile): Promise<DicomTags> {
    const parsed = parseDicomBytes(await this.bytes(doc));
    if (!parsed.file) throw new FrameError(422, 'not-dicom', parsed.issues[0]?.message ?? 'not a DICOM file');
    return tagsOf(parsed.file);
  }

  async close(): Promise<void> {
    await this.worker?.close();
  }
}

const TAGS: Array<[string, string, boolean?]> = [
  ['x00080060', 'Modality'],
  ['x00081030', 'Study description', true],
  ['x0008103e', 'Series description', true],
  ['x00200011', 'Series number'],
  ['x00200013', 'Instance number'],
  ['x00180015', 'Body part', true],
  ['x00180050', 'Slice thickness (mm)'],
  ['x00201041', 'Slice location (mm)'],
  ['x00280030', 'Pixel spacing (mm)'],
  ['x00180060', 'kVp'],
  ['x00080080', 'Institution', true],
  ['x00080070', 'Manufacturer', true],
  ['x00081090', 'Model', true],
  ['x00080050', 'Accession number', true],
];

export function tagsOf(file: DicomFile): DicomTags {
  const { ds } = file;
  const a = imageAttributes(ds);
  const ts = file.transferSyntax;
  const hasPixels = !!(ds.elements.x7fe00010 || ds.elements.x7fe00008 || ds.elements.x7fe00009);
  const tags: DicomTags['tags'] = [];
  const date = dicomDate(rawString(ds, 'x00080020'));
  if (date) tags.push({ tag: '(0008,0020)', name: 'Study date', value: date });
  for (const [t, name, text] of TAGS) {
    const value = text ? textString(ds, t, file.charsets) : rawString(ds, t);
    if (value) tags.push({ tag: `(${t.slice(1, 5).toUpperCase()},${t.slice(5).toUpperCase()})`, name, value: value.replace(/\\/g, ' \\ ') });
  }
  if (a.rows && a.columns) tags.push({ tag: '(0028,0010)', name: 'Size', value: `${a.columns} × ${a.rows}${a.frames > 1 ? ` × ${a.frames} frames` : ''}` });
  const name = TRANSFER_SYNTAXES[ts]?.name;
  tags.push({ tag: '(0002,0010)', name: 'Transfer syntax', value: name ? `${name} (${ts})` : ts });
  const out: DicomTags = { frames: a.frames, transferSyntax: ts, decodable: hasPixels && canDecode(ts), tags };
  if (name) out.transferSyntaxName = name;
  if (a.rows) out.rows = a.rows;
  if (a.columns) out.columns = a.columns;
  if (!hasPixels) out.reason = 'this DICOM object has no image (no Pixel Data)';
  else if (!canDecode(ts)) out.reason = `${name ?? 'this transfer syntax'} (${ts}) cannot be shown yet`;
  const wc = Number((rawString(ds, 'x00281050') ?? '').split('\\')[0]);
  const ww = Number((rawString(ds, 'x00281051') ?? '').split('\\')[0]);
  if (Number.isFinite(wc) && Number.isFinite(ww) && ww > 0 && rawString(ds, 'x00281051')) {
    out.windowCenter = wc;
    out.windowWidth = ww;
  }
  return out;
}

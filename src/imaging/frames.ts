/**
 * Frames of stored DICOM files for the viewer: PNG with window/level and a bounded size, and
 * the key tags. Decoding is CPU work on the server's thread, so it is bounded three ways:
 * files larger than a limit are refused, at most `concurrency` renders run at once (more wait
 * in a short queue, beyond it the caller is told to retry), and decoded frames and PNGs are
 * kept in small caches so scrolling back and dragging the window do not decode again.
 */
import sharp from 'sharp';
import type { DataSet } from 'dicom-parser';
import { canDecode, DicomDecodeError, TRANSFER_SYNTAXES, type DecodedFrame } from '../sources/dicom/decode.js';
import { decodeFrameOf, imageAttributes } from '../sources/dicom/decode.js';
import { parseDicomBytes, rawString, textString, type DicomFile } from '../sources/dicom/parse.js';
import { toDisplay } from '../sources/dicom/render.js';
import { dicomDate } from '../sources/dicom/values.js';
import type { DicomTags } from './model.js';

export class FrameError extends Error {
  constructor(
    /** HTTP status the API answers with. */
    readonly status: number,
    /** Stable key: `decode-unsupported`, `decode-failed`, `no-pixel-data`, `not-dicom`, `too-large`, `busy`, `bad-frame`. */
    readonly key: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FrameRequest {
  /** 0-based frame. */
  frame: number;
  center?: number;
  width?: number;
  /** Longest side of the PNG. */
  size: number;
}

export interface FrameServiceOptions {
  /** Largest DICOM file rendered, bytes (default 256 MiB). */
  maxFileBytes?: number;
  concurrency?: number;
  maxQueue?: number;
  /** Bytes of decoded frames kept (default 128 MiB) and of PNGs (default 32 MiB). */
  frameCacheBytes?: number;
  pngCacheBytes?: number;
}

/** A map in least-recently-used order bounded by the total size of its values. */
class SizedLru<V> {
  private map = new Map<string, { value: V; size: number }>();
  private total = 0;
  constructor(private readonly max: number) {}
  get(key: string): V | undefined {
    const hit = this.map.get(key);
    if (!hit) return undefined;
    this.map.delete(key);
    this.map.set(key, hit);
    return hit.value;
  }
  set(key: string, value: V, size: number): void {
    if (size > this.max) return;
    const prev = this.map.get(key);
    if (prev) {
      this.total -= prev.size;
      this.map.delete(key);
    }
    this.map.set(key, { value, size });
    this.total += size;
    for (const [k, v] of this.map) {
      if (this.total <= this.max) break;
      this.map.delete(k);
      this.total -= v.size;
    }
  }
}

interface Decoded {
  frame: DecodedFrame;
  /** Kept only for palette colour images (their lookup tables live in the dataset). */
  ds?: DataSet;
}

export const MIN_SIZE = 16;
export const MAX_SIZE = 2048;

export class FrameService {
  private running = 0;
  private waiting: Array<() => void> = [];
  private frames: SizedLru<Decoded>;
  private pngs: SizedLru<Buffer>;
  private readonly maxFileBytes: number;
  private readonly concurrency: number;
  private readonly maxQueue: number;

  constructor(
    /** Reads a stored original by its SHA-256 (the vault). */
    private readonly read: (sha256: string) => Promise<Buffer>,
    opts: FrameServiceOptions = {},
  ) {
    this.maxFileBytes = opts.maxFileBytes ?? 256 * 1024 * 1024;
    this.concurrency = opts.concurrency ?? 2;
    this.maxQueue = opts.maxQueue ?? 64;
    this.frames = new SizedLru(opts.frameCacheBytes ?? 128 * 1024 * 1024);
    this.pngs = new SizedLru(opts.pngCacheBytes ?? 32 * 1024 * 1024);
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

  private async file(doc: { sha256: string; size: number }): Promise<DicomFile> {
    if (doc.size > this.maxFileBytes) throw new FrameError(413, 'too-large', `the file is ${Math.round(doc.size / 1048576)} MB; images are shown from files up to ${Math.round(this.maxFileBytes / 1048576)} MB`);
    const parsed = parseDicomBytes(await this.read(doc.sha256));
    if (!parsed.file) throw new FrameError(422, 'not-dicom', parsed.issues[0]?.message ?? 'not a DICOM file');
    return parsed.file;
  }

  private async decoded(doc: { sha256: string; size: number }, frame: number): Promise<Decoded> {
    const key = `${doc.sha256}:${frame}`;
    const hit = this.frames.get(key);
    if (hit) return hit;
    const file = await this.file(doc);
    const frames = imageAttributes(file.ds).frames;
    if (frame >= frames) throw new FrameError(404, 'bad-frame', `the image has ${frames} frame${frames === 1 ? '' : 's'}; frame ${frame} does not exist`);
    let decoded: DecodedFrame;
    try {
      decoded = await decodeFrameOf(file, frame);
    } catch (e) {
      throw asFrameError(e);
    }
    // The dataset holds the whole file's bytes: keep it only when the palette needs it.
    const entry: Decoded = decoded.photometricInterpretation === 'PALETTE COLOR' ? { frame: decoded, ds: file.ds } : { frame: decoded };
    this.frames.set(key, entry, decoded.data.byteLength + (entry.ds?.byteArray.byteLength ?? 0));
    return entry;
  }

  /** One frame as PNG, windowed (centre/width in rescaled units) and fitted into `size` pixels. */
  async png(doc: { sha256: string; size: number }, req: FrameRequest): Promise<Buffer> {
    const key = `${doc.sha256}:${req.frame}:${req.center ?? ''}:${req.width ?? ''}:${req.size}`;
    const hit = this.pngs.get(key);
    if (hit) return hit;
    return this.slot(async () => {
      const { frame, ds } = await this.decoded(doc, req.frame);
      const img = toDisplay(frame, { center: req.center, width: req.width }, ds);
      let pipeline = sharp(Buffer.from(img.pixels.buffer, img.pixels.byteOffset, img.pixels.byteLength), { raw: { width: img.width, height: img.height, channels: img.channels } });
      if (Math.max(img.width, img.height) > req.size) pipeline = pipeline.resize({ width: req.size, height: req.size, fit: 'inside' });
      const png = await pipeline.png({ compressionLevel: 3 }).toBuffer();
      this.pngs.set(key, png, png.length);
      return png;
    });
  }

  /** Frame count, decodability and the tags a viewer shows beside the image. */
  async tags(doc: { sha256: string; size: number }): Promise<DicomTags> {
    const file = await this.slot(() => this.file(doc));
    return tagsOf(file);
  }
}

function asFrameError(e: unknown): FrameError {
  if (e instanceof FrameError) return e;
  if (e instanceof DicomDecodeError) {
    if (e.code === 'decode-unsupported') return new FrameError(415, e.code, `this image cannot be shown yet: ${e.message}`);
    if (e.code === 'no-pixel-data') return new FrameError(422, e.code, 'this DICOM object has no image (no Pixel Data)');
    return new FrameError(422, e.code, e.message);
  }
  return new FrameError(422, 'decode-failed', `the image could not be decoded: ${e instanceof Error ? e.message : String(e)}`);
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

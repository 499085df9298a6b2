/**
 * Decoded frame → windowed PNG, with a cache of decoded frames (so dragging the window or
 * scrolling back does not decode again). Runs inside the frame worker (frame-worker.ts), or
 * in-process where no worker can start. No I/O: bytes come with the request.
 */
import sharp from 'sharp';
import type { DataSet } from 'dicom-parser';
import { DicomDecodeError, decodeFrameOf, imageAttributes, type DecodedFrame } from '../sources/dicom/decode.js';
import { parseDicomBytes } from '../sources/dicom/parse.js';
import { toDisplay } from '../sources/dicom/render.js';

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

/** A map in least-recently-used order bounded by the total size of its values. */
export class SizedLru<V> {
  private map = new Map<string, { value: V; size: number }>();
  private total = 0;
  constructor(private readonly max: number) {}
  has(key: string): boolean {
    return this.map.has(key);
  }
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

/** Thrown when the caller did not send the bytes and the frame is no longer cached. */
export class CacheMiss extends Error {}

export class FrameRenderer {
  private frames: SizedLru<Decoded>;
  constructor(cacheBytes = 128 * 1024 * 1024) {
    this.frames = new SizedLru(cacheBytes);
  }

  /** `key` names the file (its SHA-256); `bytes` may be left out when the frame was decoded before. */
  async render(key: string, bytes: Uint8Array | undefined, req: FrameRequest): Promise<Buffer> {
    const { frame, ds } = await this.decoded(key, bytes, req.frame);
    const img = toDisplay(frame, { center: req.center, width: req.width }, ds);
    let pipeline = sharp(Buffer.from(img.pixels.buffer, img.pixels.byteOffset, img.pixels.byteLength), { raw: { width: img.width, height: img.height, channels: img.channels } });
    if (Math.max(img.width, img.height) > req.size) pipeline = pipeline.resize({ width: req.size, height: req.size, fit: 'inside' });
    return pipeline.png({ compressionLevel: 3 }).toBuffer();
  }

  private async decoded(key: string, bytes: Uint8Array | undefined, index: number): Promise<Decoded> {
    const cacheKey = `${key}:${index}`;
    const hit = this.frames.get(cacheKey);
    if (hit) return hit;
    if (!bytes) throw new CacheMiss(cacheKey);
    const parsed = parseDicomBytes(bytes);
    if (!parsed.file) throw new FrameError(422, 'not-dicom', parsed.issues[0]?.message ?? 'not a DICOM file');
    const file = parsed.file;
    const frames = imageAttributes(file.ds).frames;
    if (index >= frames) throw new FrameError(404, 'bad-frame', `the image has ${frames} frame${frames === 1 ? '' : 's'}; frame ${index} does not exist`);
    let frame: DecodedFrame;
    try {
      frame = await decodeFrameOf(file, index);
    } catch (e) {
      throw asFrameError(e);
    }
    // The dataset holds the whole file's bytes: keep it only when the palette needs it.
    const entry: Decoded = frame.photometricInterpretation === 'PALETTE COLOR' ? { frame, ds: file.ds } : { frame };
    this.frames.set(cacheKey, entry, frame.data.byteLength + (entry.ds?.byteArray.byteLength ?? 0));
    return entry;
  }
}

export function asFrameError(e: unknown): FrameError {
  if (e instanceof FrameError) return e;
  if (e instanceof DicomDecodeError) {
    if (e.code === 'decode-unsupported') return new FrameError(415, e.code, `this image cannot be shown yet: ${e.message}`);
    if (e.code === 'no-pixel-data') return new FrameError(422, e.code, 'this DICOM object has no image (no Pixel Data)');
    return new FrameError(422, e.code, e.message);
  }
  return new FrameError(422, 'decode-failed', `the image could not be decoded: ${e instanceof Error ? e.message : String(e)}`);
}

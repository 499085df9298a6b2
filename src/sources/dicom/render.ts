/**
 * Rendering a decoded frame for display: modality rescale, window/level (VOI linear, PS3.3
 * C.11.2.1.2), MONOCHROME1 inversion, palette colour and YBR → RGB; PNG through sharp.
 */
import sharp from 'sharp';
import type { DataSet } from 'dicom-parser';
import type { DecodedFrame } from './decode.js';
import { decodeFrameOf } from './decode.js';
import { parseDicomBytes, elementBytes } from './parse.js';
import { DicomDecodeError } from './decode.js';

export interface RenderOptions {
  /** 0-based frame index. */
  frame?: number;
  /** Window centre and width in output (rescaled) units; default: the file's first window, else min/max. */
  center?: number;
  width?: number;
  /** Longest side of the output in pixels (thumbnails); default: full size. */
  maxSize?: number;
}

export interface RenderedImage {
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Uint8Array;
  center?: number;
  windowWidth?: number;
}

/** Frame → 8-bit grey or RGB pixels. `ds` is needed only for palette colour lookup tables. */
export function toDisplay(frame: DecodedFrame, opts: RenderOptions = {}, ds?: DataSet): RenderedImage {
  const { width, height, data, samplesPerPixel } = frame;
  const n = width * height;
  const pi = frame.photometricInterpretation;
  if (samplesPerPixel === 1 && pi === 'PALETTE COLOR' && ds) return paletteToRgb(frame, ds);
  if (samplesPerPixel === 3) {
    const out = new Uint8Array(n * 3);
    const shift = Math.max(0, frame.bitsStored - 8);
    for (let i = 0; i < n * 3; i++) out[i] = Math.max(0, Math.min(255, Number(data[i]) >> shift));
    if (pi === 'YBR_FULL' || pi === 'YBR_FULL_422' || pi === 'YBR_PARTIAL_422') ybrToRgb(out);
    return { width, height, channels: 3, pixels: out };
  }
  const slope = frame.rescaleSlope || 1;
  const intercept = frame.rescaleIntercept;
  let c = opts.center ?? frame.windowCenter;
  let w = opts.width ?? frame.windowWidth;
  if (c === undefined || w === undefined || !(w > 0)) {
    let min = Infinity;
    let max = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = Number(data[i]) * slope + intercept;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (!Number.isFinite(min)) min = max = 0;
    w = Math.max(1, max - min);
    c = min + w / 2;
  }
  const lo = c - 0.5 - (w - 1) / 2;
  const hi = c - 0.5 + (w - 1) / 2;
  const invert = pi === 'MONOCHROME1';
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const v = Number(data[i]) * slope + intercept;
    let y = v <= lo ? 0 : v > hi ? 255 : ((v - (c - 0.5)) / Math.max(1, w - 1) + 0.5) * 255;
    y = Math.round(Math.max(0, Math.min(255, y)));
    out[i] = invert ? 255 - y : y;
  }
  return { width, height, channels: 1, pixels: out, center: c, windowWidth: w };
}

function ybrToRgb(px: Uint8Array) {
  for (let i = 0; i + 2 < px.length; i += 3) {
    const y = px[i];
    const cb = px[i + 1] - 128;
    const cr = px[i + 2] - 128;
    px[i] = clamp(y + 1.402 * cr);
    px[i + 1] = clamp(y - 0.344136 * cb - 0.714136 * cr);
    px[i + 2] = clamp(y + 1.772 * cb);
  }
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

function paletteToRgb(frame: DecodedFrame, ds: DataSet): RenderedImage {
  const { width, height, data } = frame;
  const n = width * height;
  const luts = ['1201', '1202', '1203'].map((e, k) => {
    const desc = elementBytes(ds, `x0028110${k + 1}`);
    const lut = elementBytes(ds, `x0028${e}`);
    if (!desc || desc.length < 6 || !lut) return undefined;
    const dv = new DataView(desc.buffer, desc.byteOffset, desc.byteLength);
    const big = ds.byteArrayParser.readUint16(Uint8Array.of(1, 0), 0) !== 1;
    const entries = dv.getUint16(0, !big) || 65536;
    const first = frame.pixelRepresentation ? dv.getInt16(2, !big) : dv.getUint16(2, !big);
    const bits = dv.getUint16(4, !big);
    const lv = new DataView(lut.buffer, lut.byteOffset, lut.byteLength);
    const values = new Uint8Array(entries);
    const eightBitPacked = bits === 8 && lut.length === entries;
    for (let i = 0; i < entries; i++) {
      if (eightBitPacked) values[i] = lut[i];
      else if (2 * i + 1 < lut.length) {
        const v = lv.getUint16(2 * i, !big);
        values[i] = bits === 8 ? v & 0xff : v >> 8;
      }
    }
    return { first, values };
  });
  const out = new Uint8Array(n * 3);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      const lut = luts[k];
      if (!lut) continue;
      const idx = Math.max(0, Math.min(lut.values.length - 1, Number(data[i]) - lut.first));
      out[i * 3 + k] = lut.values[idx];
    }
  }
  return { width, height, channels: 3, pixels: out };
}

/** Renders one frame of a DICOM file to PNG (for thumbnails and the viewer). */
export async function renderPng(bytes: Uint8Array, opts: RenderOptions = {}): Promise<Buffer> {
  const parsed = parseDicomBytes(bytes);
  if (!parsed.file) throw new DicomDecodeError('not-dicom', parsed.issues[0]?.message ?? 'Not a DICOM file');
  const frame = await decodeFrameOf(parsed.file, opts.frame ?? 0);
  const img = toDisplay(frame, opts, parsed.file.ds);
  let pipeline = sharp(Buffer.from(img.pixels.buffer, img.pixels.byteOffset, img.pixels.byteLength), {
    raw: { width: img.width, height: img.height, channels: img.channels },
  });
  if (opts.maxSize && Math.max(img.width, img.height) > opts.maxSize) {
    pipeline = pipeline.resize({ width: opts.maxSize, height: opts.maxSize, fit: 'inside' });
  }
  return pipeline.png().toBuffer();
}

/**
 * Pixel decoding: one frame of a DICOM file → raw stored values (before rescale and windowing)
 * as a typed array, for the viewer, thumbnails and `eval dicom`. Uncompressed syntaxes are read
 * here; RLE, JPEG (baseline, extended, lossless), JPEG-LS, JPEG 2000 and HTJ2K go through the
 * WebAssembly codecs of dcmjs-imaging. What cannot be decoded raises DicomDecodeError with
 * code 'decode-unsupported'.
 */
import { createRequire } from 'node:module';
import dicomParser from 'dicom-parser';
import type { DataSet, Element } from 'dicom-parser';
import type { DicomFile } from './parse.js';
import { TS, elementBytes, intValue, numberString, parseDicomBytes, rawString } from './parse.js';

const require = createRequire(import.meta.url);

/** Largest frame decoded (samples): 16k × 16k grey; anything larger is a corrupt header. */
const MAX_SAMPLES = 1 << 28;

export type PixelArray = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array;

export interface DecodedFrame {
  width: number;
  height: number;
  samplesPerPixel: number;
  bitsAllocated: number;
  bitsStored: number;
  pixelRepresentation: number;
  /** Photometric interpretation of `data` (RGB after colour-converting decoders). */
  photometricInterpretation: string;
  numberOfFrames: number;
  transferSyntax: string;
  /** Stored values, one per sample, samples interleaved (RGBRGB…), high bits beyond bitsStored cleared/sign-extended. */
  data: PixelArray;
  rescaleSlope: number;
  rescaleIntercept: number;
  windowCenter?: number;
  windowWidth?: number;
}

export type DecodeErrorCode = 'decode-unsupported' | 'decode-failed' | 'no-pixel-data' | 'not-dicom';

export class DicomDecodeError extends Error {
  constructor(
    readonly code: DecodeErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DicomDecodeError';
  }
}

/** Transfer syntaxes with their decoder. */
export const TRANSFER_SYNTAXES: Record<string, { name: string; codec: 'native' | 'rle' | 'jpeg' | 'jpegls' | 'j2k' | 'jpegxl' | 'none'; lossless?: boolean }> = {
  [TS.implicitLE]: { name: 'Implicit VR Little Endian', codec: 'native', lossless: true },
  [TS.explicitLE]: { name: 'Explicit VR Little Endian', codec: 'native', lossless: true },
  [TS.deflatedLE]: { name: 'Deflated Explicit VR Little Endian', codec: 'native', lossless: true },
  [TS.explicitBE]: { name: 'Explicit VR Big Endian', codec: 'native', lossless: true },
  '1.2.840.10008.1.2.5': { name: 'RLE Lossless', codec: 'rle', lossless: true },
  '1.2.840.10008.1.2.4.50': { name: 'JPEG Baseline (Process 1)', codec: 'jpeg' },
  '1.2.840.10008.1.2.4.51': { name: 'JPEG Extended (Process 2 & 4)', codec: 'jpeg' },
  '1.2.840.10008.1.2.4.57': { name: 'JPEG Lossless (Process 14)', codec: 'jpeg', lossless: true },
  '1.2.840.10008.1.2.4.70': { name: 'JPEG Lossless SV1', codec: 'jpeg', lossless: true },
  '1.2.840.10008.1.2.4.80': { name: 'JPEG-LS Lossless', codec: 'jpegls', lossless: true },
  '1.2.840.10008.1.2.4.81': { name: 'JPEG-LS Near-Lossless', codec: 'jpegls' },
  '1.2.840.10008.1.2.4.90': { name: 'JPEG 2000 Lossless', codec: 'j2k', lossless: true },
  '1.2.840.10008.1.2.4.91': { name: 'JPEG 2000', codec: 'j2k' },
  '1.2.840.10008.1.2.4.201': { name: 'HTJ2K Lossless', codec: 'j2k', lossless: true },
  '1.2.840.10008.1.2.4.202': { name: 'HTJ2K Lossless RPCL', codec: 'j2k', lossless: true },
  '1.2.840.10008.1.2.4.203': { name: 'HTJ2K', codec: 'j2k' },
  '1.2.840.10008.1.2.4.110': { name: 'JPEG XL Lossless', codec: 'jpegxl', lossless: true },
  '1.2.840.10008.1.2.4.112': { name: 'JPEG XL', codec: 'jpegxl' },
  '1.2.840.10008.1.2.4.100': { name: 'MPEG2 Main Profile', codec: 'none' },
  '1.2.840.10008.1.2.4.101': { name: 'MPEG2 High Profile', codec: 'none' },
  '1.2.840.10008.1.2.4.102': { name: 'MPEG-4 AVC/H.264', codec: 'none' },
  '1.2.840.10008.1.2.4.103': { name: 'MPEG-4 AVC/H.264 BD', codec: 'none' },
  '1.2.840.10008.1.2.4.91.1': { name: 'JPIP', codec: 'none' },
};

/** True when frames of this transfer syntax can be decoded here. */
export function canDecode(transferSyntax: string): boolean {
  const ts = TRANSFER_SYNTAXES[transferSyntax];
  return !!ts && ts.codec !== 'none';
}

interface NativeDecoder {
  initializeAsync(o: { webAssemblyModulePathOrUrl: string }): Promise<void>;
  decodeRle(p: PixelInfo, b: Uint8Array, o?: object): Uint8Array;
  decodeJpeg(p: PixelInfo, b: Uint8Array, o?: object): Uint8Array;
  decodeJpegLs(p: PixelInfo, b: Uint8Array, o?: object): Uint8Array;
  decodeJpeg2000(p: PixelInfo, b: Uint8Array, o?: object): Uint8Array;
  decodeJpegXl(p: PixelInfo, b: Uint8Array, o?: object): Uint8Array;
}

/** The shape dcmjs-imaging's NativePixelDecoder reads image attributes from. */
interface PixelInfo {
  getWidth(): number;
  getHeight(): number;
  getBitsAllocated(): number;
  getBitsStored(): number;
  getSamplesPerPixel(): number;
  getPixelRepresentation(): number;
  getPlanarConfiguration(): number;
  getPhotometricInterpretation(): string;
}

let native: Promise<NativeDecoder> | undefined;

/** Loads the WebAssembly codecs once (about 1 MB, a few ms). */
export function nativeDecoder(): Promise<NativeDecoder> {
  native ??= (async () => {
    const mod = require('dcmjs-imaging') as { NativePixelDecoder: NativeDecoder };
    await mod.NativePixelDecoder.initializeAsync({ webAssemblyModulePathOrUrl: require.resolve('dcmjs-imaging/build/dcmjs-native-codecs.wasm') });
    return mod.NativePixelDecoder;
  })();
  return native;
}

/** Image attributes of the dataset. */
export function imageAttributes(ds: DataSet) {
  const rows = intValue(ds, 'x00280010') ?? 0;
  const columns = intValue(ds, 'x00280011') ?? 0;
  const bitsAllocated = intValue(ds, 'x00280100') ?? 0;
  return {
    rows,
    columns,
    bitsAllocated,
    bitsStored: intValue(ds, 'x00280101') ?? bitsAllocated,
    samplesPerPixel: intValue(ds, 'x00280002') ?? 1,
    pixelRepresentation: intValue(ds, 'x00280103') ?? 0,
    planarConfiguration: intValue(ds, 'x00280006') ?? 0,
    photometric: (rawString(ds, 'x00280004') ?? 'MONOCHROME2').toUpperCase(),
    frames: Math.max(1, Math.trunc(numberString(ds, 'x00280008') ?? 1)),
  };
}

type Attrs = ReturnType<typeof imageAttributes>;

/** Decodes frame `frameIndex` (0-based) of a DICOM file's bytes. */
export async function decodeFrame(bytes: Uint8Array, frameIndex = 0): Promise<DecodedFrame> {
  const parsed = parseDicomBytes(bytes);
  if (!parsed.file) throw new DicomDecodeError('not-dicom', parsed.issues[0]?.message ?? 'Not a DICOM file');
  return decodeFrameOf(parsed.file, frameIndex);
}

/** Decodes one frame of an already parsed file. */
export async function decodeFrameOf(file: DicomFile, frameIndex = 0): Promise<DecodedFrame> {
  const { ds, transferSyntax } = file;
  const pixelEl = ds.elements.x7fe00010 ?? ds.elements.x7fe00008 ?? ds.elements.x7fe00009;
  if (!pixelEl) throw new DicomDecodeError('no-pixel-data', 'No Pixel Data (7FE0,0010)');
  const a = imageAttributes(ds);
  if (!a.rows || !a.columns || !a.bitsAllocated) throw new DicomDecodeError('decode-failed', `Invalid image size or bits (${a.columns}×${a.rows}, ${a.bitsAllocated} bits)`);
  if (frameIndex < 0 || frameIndex >= a.frames) throw new DicomDecodeError('decode-failed', `Frame ${frameIndex} out of range (0–${a.frames - 1})`);
  if (a.rows * a.columns * a.samplesPerPixel > MAX_SAMPLES) throw new DicomDecodeError('decode-failed', `Image too large (${a.columns}×${a.rows}×${a.samplesPerPixel})`);
  const ts = TRANSFER_SYNTAXES[transferSyntax];
  const isFloat = pixelEl.tag !== 'x7fe00010';
  let raw: Uint8Array;
  let photometric = a.photometric;
  if (!ts || ts.codec === 'native' || !pixelEl.encapsulatedPixelData) {
    if (pixelEl.encapsulatedPixelData) throw new DicomDecodeError('decode-unsupported', `Transfer syntax ${transferSyntax} is not supported`);
    if (ts === undefined && transferSyntax) {
      // Unknown syntax with native (non-encapsulated) pixel data: read as little endian.
    }
    raw = nativeFrame(ds, pixelEl, a, frameIndex, transferSyntax === TS.explicitBE);
    if (photometric === 'YBR_FULL_422' && a.samplesPerPixel === 3 && a.bitsAllocated === 8) {
      raw = upsample422(raw, a.columns, a.rows);
      photometric = 'YBR_FULL';
    }
  } else {
    if (ts.codec === 'none') throw new DicomDecodeError('decode-unsupported', `${ts.name} (${transferSyntax}) cannot be decoded yet`);
    const encoded = encapsulatedFrame(ds, pixelEl, a.frames, frameIndex, ts.codec === 'jpeg');
    const dec = await nativeDecoder();
    const info: PixelInfo = {
      getWidth: () => a.columns,
      getHeight: () => a.rows,
      getBitsAllocated: () => a.bitsAllocated,
      getBitsStored: () => a.bitsStored,
      getSamplesPerPixel: () => a.samplesPerPixel,
      getPixelRepresentation: () => a.pixelRepresentation,
      getPlanarConfiguration: () => a.planarConfiguration,
      getPhotometricInterpretation: () => a.photometric,
    };
    try {
      if (ts.codec === 'rle') raw = dec.decodeRle(info, encoded);
      else if (ts.codec === 'jpeg') {
        const baseline = transferSyntax === '1.2.840.10008.1.2.4.50' || transferSyntax === '1.2.840.10008.1.2.4.51';
        raw = dec.decodeJpeg(info, encoded, baseline ? { convertColorspaceToRgb: true } : {});
        if (baseline && a.samplesPerPixel === 3) photometric = 'RGB';
      } else if (ts.codec === 'jpegls') raw = dec.decodeJpegLs(info, encoded);
      else if (ts.codec === 'j2k') {
        raw = dec.decodeJpeg2000(info, encoded);
        if (photometric === 'YBR_RCT' || photometric === 'YBR_ICT') photometric = 'RGB';
      } else raw = dec.decodeJpegXl(info, encoded);
    } catch (e) {
      throw new DicomDecodeError('decode-failed', `${ts.name} decode failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    // RLE keeps one segment per sample: planar output for colour images.
    if (ts.codec === 'rle' && a.samplesPerPixel > 1) raw = interleave(raw, a.samplesPerPixel, a.bitsAllocated / 8);
  }
  if (a.samplesPerPixel > 1 && a.planarConfiguration === 1 && ts?.codec === 'native') raw = interleave(raw, a.samplesPerPixel, Math.max(1, a.bitsAllocated / 8));
  const expected = a.rows * a.columns * a.samplesPerPixel;
  const data = typedPixels(raw, a, isFloat, expected);
  if (data.length < expected) throw new DicomDecodeError('decode-failed', `Pixel data too short: ${data.length} of ${expected} values (truncated file?)`);
  const windowCenter = numberString(ds, 'x00281050');
  const windowWidth = numberString(ds, 'x00281051');
  const out: DecodedFrame = {
    width: a.columns,
    height: a.rows,
    samplesPerPixel: a.samplesPerPixel,
    bitsAllocated: a.bitsAllocated === 1 ? 8 : a.bitsAllocated,
    bitsStored: a.bitsAllocated === 1 ? 1 : a.bitsStored,
    pixelRepresentation: a.pixelRepresentation,
    photometricInterpretation: photometric,
    numberOfFrames: a.frames,
    transferSyntax,
    data: data.length > expected ? data.subarray(0, expected) : data,
    rescaleSlope: numberString(ds, 'x00281053') ?? 1,
    rescaleIntercept: numberString(ds, 'x00281052') ?? 0,
  };
  if (windowCenter !== undefined && windowWidth !== undefined && windowWidth > 0) {
    out.windowCenter = windowCenter;
    out.windowWidth = windowWidth;
  }
  return out;
}

/** Bytes of one frame of native (uncompressed) pixel data, little endian. */
function nativeFrame(ds: DataSet, el: Element, a: Attrs, frame: number, bigEndian: boolean): Uint8Array {
  const all = elementBytes(ds, el.tag) ?? new Uint8Array(0);
  if (a.bitsAllocated === 1) {
    const n = a.rows * a.columns * a.samplesPerPixel;
    if (n * (frame + 1) > all.length * 8) throw new DicomDecodeError('decode-failed', `Pixel data too short for frame ${frame} (truncated file?)`);
    const out = new Uint8Array(n);
    const startBit = n * frame;
    for (let i = 0; i < n; i++) {
      const bit = startBit + i;
      const byte = all[bit >> 3];
      if (byte === undefined) return out.subarray(0, i);
      out[i] = (byte >> (bit & 7)) & 1;
    }
    return out;
  }
  const bytesPer = a.bitsAllocated / 8;
  const factor = a.photometric === 'YBR_FULL_422' && a.samplesPerPixel === 3 ? 2 / 3 : 1;
  const size = Math.round(a.rows * a.columns * a.samplesPerPixel * bytesPer * factor);
  const start = size * frame;
  const out = all.slice(start, Math.min(start + size, all.length));
  if (bigEndian && bytesPer > 1) {
    for (let i = 0; i + bytesPer <= out.length; i += bytesPer) out.subarray(i, i + bytesPer).reverse();
  }
  return out;
}

/** The compressed bytes of one frame of encapsulated pixel data. */
function encapsulatedFrame(ds: DataSet, el: Element, frames: number, frame: number, jpeg: boolean): Uint8Array {
  const fragments = el.fragments ?? [];
  if (!fragments.length) throw new DicomDecodeError('decode-failed', 'Encapsulated pixel data has no fragments');
  try {
    if (frames === 1) return dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, 0, fragments.length);
    if (el.basicOffsetTable?.length) return dicomParser.readEncapsulatedImageFrame(ds, el, frame);
    if (fragments.length === frames) return dicomParser.readEncapsulatedPixelDataFromFragments(ds, el, frame, 1);
    if (jpeg) return dicomParser.readEncapsulatedImageFrame(ds, el, frame, dicomParser.createJPEGBasicOffsetTable(ds, el));
  } catch (e) {
    throw new DicomDecodeError('decode-failed', `Cannot read frame ${frame} fragments: ${e instanceof Error ? e.message : String(e)}`);
  }
  throw new DicomDecodeError('decode-failed', `Cannot locate frame ${frame}: ${fragments.length} fragments for ${frames} frames and no offset table`);
}

/** Planar (RRR…GGG…BBB…) → interleaved (RGBRGB…). */
function interleave(raw: Uint8Array, spp: number, bytesPer: number): Uint8Array {
  const plane = Math.floor(raw.length / spp);
  const pixels = Math.floor(plane / bytesPer);
  const out = new Uint8Array(pixels * spp * bytesPer);
  for (let p = 0; p < pixels; p++) {
    for (let s = 0; s < spp; s++) {
      for (let b = 0; b < bytesPer; b++) out[(p * spp + s) * bytesPer + b] = raw[s * plane + p * bytesPer + b];
    }
  }
  return out;
}

/** YBR_FULL_422 (Y1 Y2 Cb Cr per pixel pair) → YBR_FULL (Y Cb Cr per pixel). */
function upsample422(raw: Uint8Array, columns: number, rows: number): Uint8Array {
  const out = new Uint8Array(columns * rows * 3);
  let o = 0;
  for (let i = 0; i + 3 < raw.length && o < out.length; i += 4) {
    const [y1, y2, cb, cr] = [raw[i], raw[i + 1], raw[i + 2], raw[i + 3]];
    out.set([y1, cb, cr], o);
    o += 3;
    if (o < out.length) out.set([y2, cb, cr], o);
    o += 3;
  }
  return out;
}

/** Little endian bytes → typed stored values, clearing/sign-extending bits above bitsStored. */
function typedPixels(raw: Uint8Array, a: Attrs, isFloat: boolean, expected: number): PixelArray {
  const signed = a.pixelRepresentation === 1;
  const copy = (n: number) => raw.buffer.slice(raw.byteOffset, raw.byteOffset + Math.floor(raw.byteLength / n) * n);
  if (a.bitsAllocated <= 8) {
    const data = signed ? new Int8Array(copy(1)) : new Uint8Array(copy(1));
    maskBits(data, a.bitsAllocated === 1 ? 1 : a.bitsStored, 8, signed);
    return data;
  }
  if (a.bitsAllocated === 16) {
    const data = signed ? new Int16Array(copy(2)) : new Uint16Array(copy(2));
    maskBits(data, a.bitsStored, 16, signed);
    return data;
  }
  if (a.bitsAllocated === 32) {
    if (isFloat) return new Float32Array(copy(4));
    const data = signed ? new Int32Array(copy(4)) : new Uint32Array(copy(4));
    if (a.bitsStored < 32) maskBits(data, a.bitsStored, 32, signed);
    return data;
  }
  void expected;
  throw new DicomDecodeError('decode-unsupported', `${a.bitsAllocated} bits allocated is not supported`);
}

function maskBits(data: PixelArray, bitsStored: number, bitsAllocated: number, signed: boolean) {
  if (bitsStored >= bitsAllocated || bitsStored <= 0) return;
  const shift = 32 - bitsStored;
  const mask = bitsStored >= 32 ? 0xffffffff : (1 << bitsStored) - 1;
  for (let i = 0; i < data.length; i++) data[i] = signed ? (data[i] << shift) >> shift : data[i] & mask;
}

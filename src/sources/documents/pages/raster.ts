/**
 * Page rasters: one 8-bit grey channel with its resolution, the common currency between the
 * decoders (TIFF, PDF render, JPEG/PNG) and the OCR preprocessing.
 */
import sharp from 'sharp';
import UTIF from 'utif2';
import { checkTiffStructure } from './tiff-structure.js';

export interface Raster {
  /** 8-bit grey, row-major, width*height bytes (0 = black). */
  data: Uint8Array;
  width: number;
  height: number;
  /** Pixels per inch as stored (TIFF tags, PDF render scale); undefined = unknown. */
  xdpi?: number;
  ydpi?: number;
  /**
   * The page as received is bilevel (a 1-bit image in a PDF) though this raster may hold grey:
   * rendering it at another scale smooths its edges. Decides the fax path, not the photo one.
   */
  bilevelSource?: boolean;
}

/** Largest page accepted before downscaling (pixels). */
export const MAX_PAGE_PIXELS = 100_000_000;

type Ifd = Record<string, unknown> & { width?: number; height?: number; data?: Uint8Array };

function rational(v: unknown): number | undefined {
  if (!Array.isArray(v) || !v.length) return undefined;
  const x = v[0];
  if (Array.isArray(x)) return x[1] ? x[0] / x[1] : x[0];
  return typeof x === 'number' ? x : undefined;
}

export interface TiffDirectory {
  index: number;
  width: number;
  height: number;
  xdpi?: number;
  ydpi?: number;
  compression?: number;
}

/**
 * Lists the image directories (pages) of a TIFF without decoding pixels. Throws on a non-TIFF.
 * The structure is checked first (tiff-structure.ts: loops, counts beyond the file); `repairs`
 * says what was ignored. MakerNotes (camera vendors' private directories) are not parsed.
 */
export function tiffDirectories(bytes: Uint8Array): { ifds: Ifd[]; pages: TiffDirectory[]; repairs: string[] } {
  const checked = checkTiffStructure(bytes);
  const safe = checked.bytes;
  const ab = safe.buffer.slice(safe.byteOffset, safe.byteOffset + safe.byteLength) as ArrayBuffer;
  // utif2 takes options its types do not declare.
  const decode = UTIF.decode as (b: ArrayBuffer, prm: { parseMN: boolean; debug: boolean }) => unknown;
  const ifds = decode(ab, { parseMN: false, debug: false }) as Ifd[];
  const pages: TiffDirectory[] = [];
  ifds.forEach((ifd, index) => {
    const w = (ifd.t256 as number[] | undefined)?.[0];
    const h = (ifd.t257 as number[] | undefined)?.[0];
    if (!w || !h) return;
    // Resolution unit 3 = centimetres.
    const unit = (ifd.t296 as number[] | undefined)?.[0] ?? 2;
    const f = unit === 3 ? 2.54 : 1;
    const xr = rational(ifd.t282);
    const yr = rational(ifd.t283);
    pages.push({ index, width: w, height: h, xdpi: xr ? xr * f : undefined, ydpi: yr ? yr * f : undefined, compression: (ifd.t259 as number[] | undefined)?.[0] });
  });
  return { ifds, pages, repairs: checked.repairs };
}

/** Decodes one TIFF directory to grey. Throws on corrupt data (callers turn it into an issue). */
export function decodeTiffPage(bytes: Uint8Array, ifds: Ifd[], dir: TiffDirectory): Raster {
  const ifd = ifds[dir.index];
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  UTIF.decodeImage(ab, ifd as never);
  const rgba = UTIF.toRGBA8(ifd as never);
  const n = dir.width * dir.height;
  if (rgba.length < n * 4) throw new Error(`TIFF page ${dir.index + 1}: decoded ${rgba.length} bytes, expected ${n * 4}`);
  const data = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    // Luma; transparent pixels count as white paper.
    const a = rgba[j + 3];
    const y = (rgba[j] * 77 + rgba[j + 1] * 150 + rgba[j + 2] * 29) >> 8;
    data[i] = a === 255 ? y : 255 - (((255 - y) * a) >> 8);
  }
  // Free the decoded planes held on the IFD (bounded memory over long faxes).
  delete (ifd as Record<string, unknown>).data;
  return { data, width: dir.width, height: dir.height, xdpi: dir.xdpi, ydpi: dir.ydpi };
}

/** CCITT compressions: modified Huffman (2), T.4 / G3 (3), T.6 / G4 (4). */
const CCITT = new Set([2, 3, 4]);

/**
 * Decodes one TIFF directory to grey, by libvips (libtiff) first: CCITT fax pages because utif2's
 * CCITT decoders look for every code bit through the whole previous row's colour changes (on
 * damaged data a 29 KB page took 26 s of the main thread, a byte count beyond the file billions of
 * steps; libtiff decodes the same pages in milliseconds and stops at damage, and its error is the
 * page's); the other compressions because utif2 decodes some of them to a blank page without a
 * word (JPEG-in-TIFF with shared tables, as scanners write it: session 17), and libtiff is also
 * faster and off the main thread. utif2 stays the fallback for non-CCITT pages libtiff refuses
 * (it is more lenient with damaged strips). Throws on corrupt data.
 */
export async function decodeTiffPageSafely(bytes: Uint8Array, ifds: Ifd[], dir: TiffDirectory): Promise<Raster> {
  try {
    return await decodeTiffPageByVips(bytes, dir);
  } catch (e) {
    if (CCITT.has(dir.compression ?? 1)) throw e;
    return decodeTiffPage(bytes, ifds, dir);
  }
}

/** One TIFF directory decoded by libvips, which numbers the chain of directories as utif2 lists them (dir.index). */
async function decodeTiffPageByVips(bytes: Uint8Array, dir: TiffDirectory): Promise<Raster> {
  const { data, info } = await sharp(bytes, { page: dir.index, limitInputPixels: dir.width * dir.height, failOn: 'truncated' })
    // Transparent pixels are white paper (as decodeTiffPage counts them).
    .flatten({ background: '#ffffff' })
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== dir.width || info.height !== dir.height) throw new Error(`TIFF page ${dir.index + 1}: libvips reads ${info.width}×${info.height}, the directory says ${dir.width}×${dir.height}`);
  let grey = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (info.channels !== 1) grey = Uint8Array.from({ length: info.width * info.height }, (_, i) => grey[i * info.channels]);
  return { data: grey, width: dir.width, height: dir.height, xdpi: dir.xdpi, ydpi: dir.ydpi };
}

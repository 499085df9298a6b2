/**
 * Writes a PNG's resolution (its pHYs chunk), pure. tesseract reads the page's dpi from it
 * (without one it assumes 70 dpi and reads differently). sharp only sets the resolution through
 * `withMetadata()`, which also converts the image to sRGB: a grey page then went to tesseract as
 * RGB, three times the pixels to compress, inflate and threshold (session 11, README).
 */
import { crc32 } from 'node:zlib';

const SIGNATURE = 8;
const IHDR_END = SIGNATURE + 8 + 13 + 4;

/** pHYs data: pixels per metre on both axes, unit metre (as libvips writes it for a density). */
function physData(dpi: number): Buffer {
  const ppm = Math.round((Math.round(dpi) / 25.4) * 1000);
  const d = Buffer.alloc(9);
  d.writeUInt32BE(ppm, 0);
  d.writeUInt32BE(ppm, 4);
  d[8] = 1;
  return d;
}

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  return out;
}

/**
 * The PNG with its pHYs chunk set to `dpi` (square pixels): replaced where it is, else inserted
 * after IHDR (the PNG spec wants it before the first IDAT). The image data is not touched.
 */
export function withPngDensity(png: Buffer, dpi: number): Buffer {
  if (png.length < IHDR_END || png.toString('latin1', 12, 16) !== 'IHDR') throw new Error('not a PNG');
  const phys = chunk('pHYs', physData(dpi));
  for (let p = IHDR_END; p + 12 <= png.length;) {
    const len = png.readUInt32BE(p);
    const type = png.toString('latin1', p + 4, p + 8);
    if (type === 'pHYs') return Buffer.concat([png.subarray(0, p), phys, png.subarray(p + 12 + len)]);
    if (type === 'IDAT' || type === 'IEND') break;
    p += 12 + len;
  }
  return Buffer.concat([png.subarray(0, IHDR_END), phys, png.subarray(IHDR_END)]);
}

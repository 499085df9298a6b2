/**
 * Small synthetic inputs for the page-reading tests, made on the fly (no corpus files):
 * text rendered through SVG with sharp, multi-page CCITT G4 TIFFs, text-layer, image-only
 * and password-protected PDFs.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import UTIF from 'utif2';
import { concatTransformationMatrix, drawObject, PDFDocument, popGraphicsState, pushGraphicsState, StandardFonts } from 'pdf-lib';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface TextImageOptions {
  width?: number;
  height?: number;
  fontSize?: number;
  /** Rotation in degrees applied after rendering (clockwise), on white. */
  rotate?: number;
}

/** Renders lines of text (DejaVu Sans) black on white; returns an 8-bit grey PNG. */
export async function textPng(lines: string[], o: TextImageOptions = {}): Promise<Buffer> {
  const width = o.width ?? 1200;
  const fontSize = o.fontSize ?? 36;
  const height = o.height ?? Math.max(200, 80 + lines.length * fontSize * 1.6);
  const body = lines.map((l, i) => `<text x="60" y="${80 + i * fontSize * 1.6}" font-family="DejaVu Sans" font-size="${fontSize}" fill="black">${esc(l)}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="white"/>${body}</svg>`;
  let img = sharp(Buffer.from(svg)).flatten({ background: '#ffffff' }).greyscale();
  if (o.rotate) img = sharp(await img.png().toBuffer()).rotate(o.rotate, { background: '#ffffff' });
  return img.png().toBuffer();
}

/** Adds isolated black and white `size`×`size` dots (fax line noise) to a PNG: `perMp` dots per megapixel, deterministic. */
export async function withSpecks(png: Buffer, perMp: number, size = 1): Promise<Buffer> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  const n = Math.round((info.width * info.height * perMp) / 1e6);
  for (let i = 0, x = 12345; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const at = x % data.length;
    for (let dy = 0; dy < size; dy++) for (let dx = 0; dx < size; dx++) data[Math.min(data.length - 1, at + dy * info.width + dx)] = i % 2 ? 255 : 0;
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).png().toBuffer();
}

/** A blank page: white with a little salt noise. */
export async function blankPng(width = 1200, height = 1500): Promise<Buffer> {
  const data = Buffer.alloc(width * height, 255);
  for (let i = 0; i < 60; i++) data[(i * 7919 * 13) % data.length] = 0;
  return sharp(data, { raw: { width, height, channels: 1 } }).png().toBuffer();
}

export interface TiffPageSpec {
  /** The page's picture; or `blank` for an all-white page of any size, encoded without decoding a picture. */
  png?: Buffer;
  blank?: { width: number; height: number };
  /** Stored resolution; when ydpi < xdpi the page is squashed vertically like a standard fax. */
  xdpi: number;
  ydpi: number;
}

/** Encodes one bilevel page as CCITT G4 with sharp and returns its strips. */
async function g4Strips(p: TiffPageSpec): Promise<{ width: number; height: number; rowsPerStrip: number; photometric: number; strips: Buffer[] }> {
  if (p.blank) {
    // G4 codes each row against the one above; a white row under a white row is one bit, V0 ('1').
    const { width, height } = p.blank;
    return { width, height, rowsPerStrip: height, photometric: 0, strips: [Buffer.alloc(Math.ceil(height / 8), 0xff)] };
  }
  if (!p.png) throw new Error('a TIFF page needs a png or blank');
  let img = sharp(p.png).greyscale();
  const meta = await sharp(p.png).metadata();
  if (p.ydpi !== p.xdpi) img = sharp(await img.resize({ width: meta.width!, height: Math.round((meta.height! * p.ydpi) / p.xdpi), fit: 'fill' }).png().toBuffer());
  const { data, info } = await img.threshold(128).extractChannel(0).raw().toBuffer({ resolveWithObject: true });
  const tif = await sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } })
    .toColourspace('b-w')
    .tiff({ compression: 'ccittfax4', bitdepth: 1, xres: p.xdpi / 25.4, yres: p.ydpi / 25.4 })
    .toBuffer();
  const ifd = UTIF.decode(tif)[0] as unknown as Record<string, number[]>;
  const strips = ifd.t273.map((off, i) => tif.subarray(off, off + ifd.t279[i]));
  return { width: info.width, height: info.height, rowsPerStrip: ifd.t278?.[0] ?? info.height, photometric: ifd.t262?.[0] ?? 1, strips };
}

/** A multi-page CCITT G4 TIFF (little-endian, one IFD per page, resolution tags in inches). */
export async function g4Tiff(pages: TiffPageSpec[]): Promise<Buffer> {
  const enc = await Promise.all(pages.map(g4Strips));
  const parts: Buffer[] = [];
  let offset = 8;
  const header = Buffer.alloc(8);
  header.write('II', 0, 'latin1');
  header.writeUInt16LE(42, 2);
  parts.push(header);
  let prevNextPtr = 4; // where to write the offset of the next IFD
  const patches: Array<[number, number]> = [];
  for (let pi = 0; pi < enc.length; pi++) {
    const e = enc[pi];
    const spec = pages[pi];
    const stripOffsets: number[] = [];
    for (const s of e.strips) {
      stripOffsets.push(offset);
      parts.push(s);
      offset += s.length;
      if (offset % 2) {
        parts.push(Buffer.alloc(1));
        offset++;
      }
    }
    // Out-of-line values: strip offsets, byte counts, two rationals.
    const extra = Buffer.alloc(e.strips.length * 8 + 16);
    const extraAt = offset;
    e.strips.forEach((s, i) => {
      extra.writeUInt32LE(stripOffsets[i], i * 4);
      extra.writeUInt32LE(s.length, e.strips.length * 4 + i * 4);
    });
    const ratAt = extraAt + e.strips.length * 8;
    extra.writeUInt32LE(Math.round(spec.xdpi), e.strips.length * 8);
    extra.writeUInt32LE(1, e.strips.length * 8 + 4);
    extra.writeUInt32LE(Math.round(spec.ydpi), e.strips.length * 8 + 8);
    extra.writeUInt32LE(1, e.strips.length * 8 + 12);
    parts.push(extra);
    offset += extra.length;
    const multi = e.strips.length > 1;
    const entries: Array<[number, number, number, number]> = [
      [256, 4, 1, e.width],
      [257, 4, 1, e.height],
      [258, 3, 1, 1],
      [259, 3, 1, 4],
      [262, 3, 1, e.photometric],
      [273, 4, e.strips.length, multi ? extraAt : stripOffsets[0]],
      [277, 3, 1, 1],
      [278, 4, 1, e.rowsPerStrip],
      [279, 4, e.strips.length, multi ? extraAt + e.strips.length * 4 : e.strips[0].length],
      [282, 5, 1, ratAt],
      [283, 5, 1, ratAt + 8],
      [296, 3, 1, 2],
    ];
    const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
    ifd.writeUInt16LE(entries.length, 0);
    entries.forEach(([tag, type, count, value], i) => {
      const at = 2 + i * 12;
      ifd.writeUInt16LE(tag, at);
      ifd.writeUInt16LE(type, at + 2);
      ifd.writeUInt32LE(count, at + 4);
      if (type === 3 && count === 1) ifd.writeUInt16LE(value, at + 8);
      else ifd.writeUInt32LE(value, at + 8);
    });
    patches.push([prevNextPtr, offset]);
    prevNextPtr = offset + 2 + entries.length * 12;
    parts.push(ifd);
    offset += ifd.length;
  }
  const out = Buffer.concat(parts);
  for (const [at, v] of patches) out.writeUInt32LE(v, at);
  return out;
}

/** A born-digital PDF whose pages carry a real text layer (Helvetica). */
export async function textPdf(pages: string[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([612, 792]);
    lines.forEach((l, i) => page.drawText(l, { x: 72, y: 720 - i * 20, size: 12, font }));
  }
  return doc.save();
}

/** An image-only PDF: each PNG drawn full page, no text layer (a scanned or e-faxed document). */
export async function imagePdf(pngs: Buffer[], dpi = 200): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const png of pngs) {
    const img = await doc.embedPng(png);
    const w = (img.width / dpi) * 72;
    const h = (img.height / dpi) * 72;
    doc.addPage([w, h]).drawImage(img, { x: 0, y: 0, width: w, height: h });
  }
  return doc.save();
}

/**
 * An image-only PDF holding one 1-bit image per page (what e-fax services deliver), drawn at
 * `xdpi`×`ydpi` (204×196 fine fax, 204×98 standard): the PNG is thresholded at 128 and stored
 * with BitsPerComponent 1, uncompressed.
 */
export async function bilevelPdf(pngs: Buffer[], xdpi = 204, ydpi = 196): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const png of pngs) {
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    const stride = Math.ceil(info.width / 8);
    const bits = new Uint8Array(stride * info.height).fill(255);
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) if (data[y * info.width + x] < 128) bits[y * stride + (x >> 3)] &= ~(0x80 >> (x & 7));
    }
    const ref = doc.context.register(doc.context.stream(bits, { Type: 'XObject', Subtype: 'Image', Width: info.width, Height: info.height, ColorSpace: 'DeviceGray', BitsPerComponent: 1 }));
    const w = (info.width / xdpi) * 72;
    const h = (info.height / ydpi) * 72;
    const page = doc.addPage([w, h]);
    const name = page.node.newXObject('Fax', ref);
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(w, 0, 0, h, 0, 0), drawObject(name), popGraphicsState());
  }
  return doc.save();
}

// RC4 and the PDF Standard security handler, revision 2 (40-bit): enough to make a
// password-protected fixture without another dependency.
function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  const s = new Uint8Array(256).map((_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}
const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const padPw = (pw: string) => Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32);
const md5 = (...b: Buffer[]) => createHash('md5').update(Buffer.concat(b)).digest();

/** A one-page PDF with a text layer, encrypted (RC4 40-bit) so that it needs `password` to open. */
export function passwordPdf(password: string, text: string): Buffer {
  const id = Buffer.from('0123456789abcdef0123456789abcdef', 'hex');
  const P = -44;
  const O = rc4(md5(padPw(password + '-owner')).subarray(0, 5), padPw(password));
  const pBytes = Buffer.alloc(4);
  pBytes.writeInt32LE(P);
  const key = md5(padPw(password), O, pBytes, id).subarray(0, 5);
  const U = rc4(key, PAD);
  const objKey = (n: number) => md5(key, Buffer.from([n & 255, (n >> 8) & 255, (n >> 16) & 255, 0, 0])).subarray(0, 10);
  const content = Buffer.from(`BT /F1 14 Tf 72 700 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`, 'latin1');
  const enc = rc4(objKey(4), content);
  const objs: Buffer[] = [
    Buffer.from('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'),
    Buffer.from('2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'),
    Buffer.from('3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n'),
    Buffer.concat([Buffer.from(`4 0 obj\n<< /Length ${enc.length} >>\nstream\n`), enc, Buffer.from('\nendstream\nendobj\n')]),
    Buffer.from('5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>\nendobj\n'),
    Buffer.from(`6 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <${O.toString('hex')}> /U <${U.toString('hex')}> /P ${P} >>\nendobj\n`),
  ];
  const head = Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  let pos = head.length;
  const offsets = objs.map((o) => {
    const at = pos;
    pos += o.length;
    return at;
  });
  const xref = `xref\n0 7\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  const trailer = `trailer\n<< /Size 7 /Root 1 0 R /Encrypt 6 0 R /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>\nstartxref\n${pos}\n%%EOF\n`;
  return Buffer.concat([head, ...objs, Buffer.from(xref + trailer, 'latin1')]);
}

export interface PhotoOptions {
  width?: number;
  fontSize?: number;
  /** JFIF density. */
  dpi?: number;
  /** Gaussian blur (pixels): the camera's focus. */
  blur?: number;
  /** Standard deviation of the sensor noise, grey levels. */
  noise?: number;
  quality?: number;
  /** The page lies turned on the table by this many degrees (clockwise), its text with it. */
  rotate?: number;
}

/**
 * A phone photo of printed lines, like faxgen's `jpeg_photo`: grey ink on grey paper lying on a
 * darker table, light falling off to one side, blur, Gaussian sensor noise (deterministic), JPEG.
 */
export async function photoJpeg(lines: string[], o: PhotoOptions = {}): Promise<Buffer> {
  const width = o.width ?? 1400;
  const fontSize = o.fontSize ?? 22;
  const height = Math.max(300, 120 + lines.length * fontSize * 1.7);
  const border = 50;
  const body = lines.map((l, i) => `<text x="${border + 60}" y="${border + 80 + i * fontSize * 1.7}" font-family="DejaVu Sans" font-size="${fontSize}" fill="rgb(45,45,45)">${esc(l)}</text>`).join('');
  const turn = o.rotate ? ` transform="rotate(${o.rotate} ${border + width / 2} ${border + height / 2})"` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width + 2 * border}" height="${height + 2 * border}"><rect width="100%" height="100%" fill="rgb(70,70,70)"/><g${turn}><rect x="${border}" y="${border}" width="${width}" height="${height}" fill="rgb(220,220,220)"/>${body}</g></svg>`;
  const { data, info } = await sharp(Buffer.from(svg)).greyscale().blur(o.blur ?? 1.3).raw().toBuffer({ resolveWithObject: true });
  let seed = 987654321;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const sd = o.noise ?? 12;
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      const i = y * info.width + x;
      const light = 1 - 0.35 * (x / info.width);
      const gauss = Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
      data[i] = Math.max(0, Math.min(255, Math.round(data[i] * light + sd * gauss)));
    }
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: 1 } }).withMetadata({ density: o.dpi ?? 170 }).jpeg({ quality: o.quality ?? 62 }).toBuffer();
}

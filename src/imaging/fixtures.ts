/**
 * Test and bench helper: tiny CT series as real DICOM bytes (through the DICOM source's own
 * fixture writer), each slice with its own pixel values so a viewer can tell slices apart.
 */
import { concat, el, imageElements, part10, type Elem } from '../sources/dicom/fixtures/build.js';

export interface SliceOptions {
  studyUid?: string;
  seriesUid?: string;
  sopUid: string;
  instanceNumber: number;
  seriesNumber?: number;
  accession?: string;
  /** YYYYMMDD */
  date?: string;
  modality?: string;
  bodyPart?: string;
  description?: string;
  seriesDescription?: string;
  size?: number;
  sopClassUid?: string;
}

/**
 * One CT slice: a `size`² signed 16-bit image in Hounsfield units (intercept −1024) whose
 * left half is air (−1000 HU), right half a gradient from 0 to ~1000 HU shifted by the
 * instance number, so window presets and slices give different pixels.
 */
export function ctSlice(o: SliceOptions): Uint8Array {
  const size = o.size ?? 16;
  const stored = new Int16Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const hu = x < size / 2 ? -1000 : Math.round(((x - size / 2) / (size / 2)) * 1000 + ((o.instanceNumber * 37 + y * 11) % 200));
      stored[y * size + x] = hu + 1024;
    }
  }
  const extra: Elem[] = [
    el(0x0008, 0x0020, 'DA', o.date ?? '20240305'),
    el(0x0008, 0x0050, 'SH', o.accession ?? 'ACC123'),
    el(0x0008, 0x0060, 'CS', o.modality ?? 'CT'),
    el(0x0008, 0x1030, 'LO', o.description ?? 'CT HEAD W/O CONTRAST'),
    el(0x0008, 0x103e, 'LO', o.seriesDescription ?? 'AXIAL 5mm'),
    el(0x0018, 0x0015, 'CS', o.bodyPart ?? 'HEAD'),
    el(0x0018, 0x0050, 'DS', '5'),
    el(0x0020, 0x0011, 'IS', String(o.seriesNumber ?? 2)),
    el(0x0020, 0x0013, 'IS', String(o.instanceNumber)),
    el(0x0020, 0x1041, 'DS', String(o.instanceNumber * 5)),
    el(0x0028, 0x1050, 'DS', '40'),
    el(0x0028, 0x1051, 'DS', '80'),
    el(0x0028, 0x1052, 'DS', '-1024'),
    el(0x0028, 0x1053, 'DS', '1'),
  ];
  if (o.sopClassUid) extra.push(el(0x0008, 0x0016, 'UI', o.sopClassUid));
  const els = imageElements({
    studyUid: o.studyUid ?? '1.2.826.0.1.3680043.9.7001.1',
    seriesUid: o.seriesUid ?? '1.2.826.0.1.3680043.9.7001.1.2',
    sopUid: o.sopUid,
    rows: size,
    columns: size,
    bitsStored: 16,
    extra,
  });
  const head = part10(els, { sopInstanceUid: o.sopUid, sopClassUid: o.sopClassUid ?? '1.2.840.10008.5.1.4.1.1.2' });
  // Pixel Data is the last element: appended as bytes (the writer goes byte by byte, too slow
  // for the bench's 500 slices of 512 KB).
  const pixels = new Uint8Array(stored.buffer);
  const tag = Buffer.alloc(12);
  tag.writeUInt16LE(0x7fe0, 0);
  tag.writeUInt16LE(0x0010, 2);
  tag.write('OW', 4, 'latin1');
  tag.writeUInt32LE(pixels.length, 8);
  return concat(head, tag, pixels);
}

/** `count` slices of one series, instance numbers 1..count. */
export function ctSeries(count: number, o: Omit<SliceOptions, 'sopUid' | 'instanceNumber'> & { sopRoot?: string } = {}): Uint8Array[] {
  const root = o.sopRoot ?? `${o.seriesUid ?? '1.2.826.0.1.3680043.9.7001.1.2'}.1`;
  return Array.from({ length: count }, (_, i) => ctSlice({ ...o, sopUid: `${root}.${i + 1}`, instanceNumber: i + 1 }));
}

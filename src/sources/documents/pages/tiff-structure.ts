/**
 * A TIFF's directory structure checked before utif2 reads it (pure). utif2 trusts the file: it
 * follows the chain of directories until an offset of 0 (a directory pointing back at itself
 * loops forever, piling up directories until the heap is gone), and reads as many values as an
 * entry's count says (a count of 4 billion is 4 billion array pushes, whatever the file's size).
 * Here the chain is followed with a visited set and a bound, and every entry's values must lie
 * inside the file; what does not is neutralised in a private copy (the chain cut, the entry's
 * count set to 0, so the page it belongs to fails alone with a clear error) and said in
 * `repairs`. A well-formed file comes back as the same bytes.
 */

/** More directories than any fax or scan holds (pages are capped at 2,000 further on). */
export const MAX_TIFF_DIRECTORIES = 10_000;
/** Nesting of sub-directories (SubIFDs, EXIF, GPS) followed. */
const MAX_SUB_DEPTH = 4;

/** Bytes per value of each TIFF field type (TIFF 6.0 §2, plus IFD = 13). */
const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 13: 4 };
/** Tags whose values are offsets of further directories, which utif2 reads recursively. */
const SUB_IFD_TAGS = new Set([330, 34665, 34853, 50740, 61440]);

export interface CheckedTiff {
  /** The bytes to hand to utif2: the input itself, or a repaired copy. */
  bytes: Uint8Array;
  /** What was neutralised, in words; empty for a well-formed file. */
  repairs: string[];
}

/** Throws only when the bytes are not a TIFF at all (callers report it as a corrupt file). */
export function checkTiffStructure(input: Uint8Array): CheckedTiff {
  if (input.length < 8) throw new Error(`too short for a TIFF (${input.length} bytes)`);
  const le = input[0] === 0x49 && input[1] === 0x49;
  if (!le && !(input[0] === 0x4d && input[1] === 0x4d)) throw new Error('no TIFF byte-order mark');
  let b = input;
  const repairs: string[] = [];
  const writable = () => {
    if (b === input) b = Uint8Array.from(input);
    return new DataView(b.buffer, b.byteOffset, b.byteLength);
  };
  const view = () => new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (at: number) => view().getUint16(at, le);
  const u32 = (at: number) => view().getUint32(at, le);
  const fits = (at: number, n: number) => at >= 0 && at + n <= b.length;
  const seen = new Set<number>();

  /** Checks one directory's entries; returns its sub-directory entries (where each is, the offsets it names). */
  const checkEntries = (ifd: number, what: string): Array<{ entry: number; tag: number; targets: number[] }> => {
    const count = u16(ifd);
    const subs: Array<{ entry: number; tag: number; targets: number[] }> = [];
    for (let i = 0; i < count; i++) {
      const e = ifd + 2 + i * 12;
      const tag = u16(e);
      const size = TYPE_SIZE[u16(e + 2)];
      const n = u32(e + 4);
      if (!size || n === 0) continue;
      const inline = n * size <= 4;
      const at = inline ? e + 8 : u32(e + 8);
      if (!inline && !fits(at, n * size)) {
        writable().setUint32(e + 4, 0, le);
        repairs.push(`${what}: tag ${tag} claims ${n} values at offset ${at}, beyond the end of the file (${input.length} bytes); ignored`);
        continue;
      }
      if (!SUB_IFD_TAGS.has(tag)) continue;
      const targets = size === 4 ? Array.from({ length: n }, (_, j) => u32(at + 4 * j)) : fits(at, 4) ? [u32(at)] : [];
      subs.push({ entry: e, tag, targets });
    }
    clampStrips(ifd, what);
    return subs;
  };

  /** Where an entry's values are, their size and count (after checkEntries: inside the file). */
  const values = (ifd: number, tag: number): { at: number; size: number; n: number } | undefined => {
    for (let i = 0; i < u16(ifd); i++) {
      const e = ifd + 2 + i * 12;
      if (u16(e) !== tag) continue;
      const size = TYPE_SIZE[u16(e + 2)];
      const n = u32(e + 4);
      if (size !== 2 && size !== 4) return undefined;
      return { at: n * size <= 4 ? e + 8 : u32(e + 8), size, n };
    }
    return undefined;
  };

  /**
   * Strips (and tiles) are cut at the end of the file: utif2's CCITT decoders read bit by bit up
   * to offset + byte count, so a count of 2^28 in a 29 KB file is billions of steps.
   */
  const clampStrips = (ifd: number, what: string) => {
    for (const [offTag, lenTag] of [[273, 279], [324, 325]] as const) {
      const offs = values(ifd, offTag);
      const lens = values(ifd, lenTag);
      if (!offs || !lens) continue;
      let cut = 0;
      for (let j = 0; j < lens.n; j++) {
        const o = j < offs.n ? (offs.size === 2 ? u16(offs.at + 2 * j) : u32(offs.at + 4 * j)) : b.length;
        const at = lens.at + lens.size * j;
        const len = lens.size === 2 ? u16(at) : u32(at);
        const room = Math.max(0, b.length - o);
        if (len <= room) continue;
        cut++;
        if (lens.size === 2) writable().setUint16(at, room, le);
        else writable().setUint32(at, room, le);
      }
      if (cut) repairs.push(`${what}: ${cut} ${offTag === 273 ? 'strip' : 'tile'}${cut === 1 ? '' : 's'} ran past the end of the file; cut there`);
    }
  };

  /** A directory is usable when its entry table and next offset lie inside the file and it was not visited. */
  const usable = (ifd: number) => ifd >= 8 && fits(ifd, 2) && fits(ifd, 2 + u16(ifd) * 12 + 4) && !seen.has(ifd);

  /** utif2 reads every sub-directory it is pointed at, recursively: a bad target (a loop, outside the file, too deep) empties the entry. */
  const checkSubs = (subs: ReturnType<typeof checkEntries>, depth: number, what: string) => {
    for (const { entry, tag, targets } of subs) {
      const bad = depth > MAX_SUB_DEPTH || targets.length > 64 || targets.some((t) => !usable(t)) || new Set(targets).size !== targets.length;
      if (bad) {
        writable().setUint32(entry + 4, 0, le);
        repairs.push(`${what}: tag ${tag} points at sub-directories that loop, lie outside the file or nest too deep; ignored`);
        continue;
      }
      for (const t of targets) seen.add(t);
      for (const t of targets) checkSubs(checkEntries(t, `${what} sub-directory`), depth + 1, what);
    }
  };

  // The chain of top-level directories (pages, thumbnails).
  let link = 4; // where the offset of the next directory is stored
  for (let n = 1; ; n++) {
    const ifd = u32(link);
    if (ifd === 0) break;
    const why = seen.has(ifd) ? 'points back to an earlier directory (a loop)' : !usable(ifd) ? `points outside the file (offset ${ifd})` : n > MAX_TIFF_DIRECTORIES ? `would be directory ${n}, beyond ${MAX_TIFF_DIRECTORIES}` : undefined;
    if (why) {
      if (link === 4) throw new Error(`the first directory ${why}`);
      writable().setUint32(link, 0, le);
      repairs.push(`the chain of directories ${why} after directory ${n - 1}; read up to there`);
      break;
    }
    seen.add(ifd);
    checkSubs(checkEntries(ifd, `directory ${n}`), 1, `directory ${n}`);
    link = ifd + 2 + u16(ifd) * 12;
  }
  return { bytes: b, repairs };
}

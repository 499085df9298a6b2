/**
 * Checks an imaging disc folder (I/O): reads its DICOMDIR, follows chained directory files
 * (Philips DIRFILE), resolves every Referenced File ID inside the folder (case-insensitively,
 * ISO 9660 `;1` versions stripped), reports files missing on disk and refuses IDs that would
 * leave the folder. For the importer and `eval dicom`; adapters stay pure.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { pushAll } from '../../core/arrays.js';
import type { ExtractionIssue } from '../../core/types.js';
import { detectFormat } from '../../detect/detect.js';
import type { DicomdirTree, DirContext, DirInstance } from './dicomdir.js';
import { readDicomdirTree } from './dicomdir.js';

export interface DiscReport {
  /** The folder holding the root DICOMDIR (file-set root). */
  root: string;
  /** Directory files read, the root DICOMDIR first (paths on disk). */
  directoryFiles: string[];
  /** All directory records merged over the chain. */
  tree: DicomdirTree;
  /** Instances whose file exists, with its path on disk. */
  present: Array<DirInstance & { path: string }>;
  /** Referenced files (instances or directory files) not found on disk, as `A/B/C`. */
  missing: string[];
  /** Referenced File IDs refused because they escape the folder. */
  refused: string[];
  issues: ExtractionIssue[];
}

const MAX_DIRECTORY_FILES = 10000;

/** Finds the DICOMDIR of a folder (any case), or takes the given file as the DICOMDIR. */
export function findDicomdir(folderOrFile: string): string | undefined {
  if (!existsSync(folderOrFile)) return undefined;
  if (statSync(folderOrFile).isFile()) return folderOrFile;
  const name = readdirSync(folderOrFile).find((n) => n.toUpperCase() === 'DICOMDIR');
  return name ? join(folderOrFile, name) : undefined;
}

/** Resolves path components under root, case-insensitively and without ISO 9660 `;1`. */
export function resolveInFolder(root: string, parts: string[]): string | undefined {
  let cur = root;
  for (const part of parts) {
    const exact = join(cur, part);
    if (existsSync(exact)) {
      cur = exact;
      continue;
    }
    let names: string[];
    try {
      names = readdirSync(cur);
    } catch {
      return undefined;
    }
    const want = part.toUpperCase().replace(/;\d+$/, '').replace(/\.$/, '');
    const found = names.find((n) => n.toUpperCase().replace(/;\d+$/, '').replace(/\.$/, '') === want);
    if (!found) return undefined;
    cur = join(cur, found);
  }
  // Symbolic links must not lead out of the folder either.
  try {
    const real = realpathSync(cur);
    const realRoot = realpathSync(root);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return undefined;
  } catch {
    return undefined;
  }
  return cur;
}

/** Reads a disc: root DICOMDIR, chained directory files, presence of every referenced file. */
export function checkDisc(folderOrDicomdir: string): DiscReport {
  const dicomdir = findDicomdir(folderOrDicomdir);
  const root = dicomdir ? dirname(dicomdir) : folderOrDicomdir;
  const tree: DicomdirTree = { patients: [], studies: [], series: [], instances: [], nextDirectoryFiles: [], issues: [], records: 0 };
  const report: DiscReport = { root, directoryFiles: [], tree, present: [], missing: [], refused: [], issues: [] };
  if (!dicomdir) {
    report.issues.push({ severity: 'error', code: 'no-dicomdir', message: `No DICOMDIR in ${folderOrDicomdir}` });
    return report;
  }
  const queue: Array<{ path: string; context?: DirContext; via: string }> = [{ path: dicomdir, via: basename(dicomdir) }];
  const seen = new Set<string>();
  while (queue.length && report.directoryFiles.length < MAX_DIRECTORY_FILES) {
    const { path, context, via } = queue.shift()!;
    const real = safeReal(path);
    if (seen.has(real)) continue;
    seen.add(real);
    report.directoryFiles.push(path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (e) {
      report.issues.push({ severity: 'error', code: 'unreadable', message: `Cannot read ${via}: ${(e as Error).message}`, location: { path: via } });
      continue;
    }
    const part = readDicomdirTree(bytes, { keyPrefix: `${report.directoryFiles.length - 1}:`, context });
    for (const i of part.issues) report.issues.push({ ...i, location: i.location ?? { path: via } });
    pushAll(tree.patients, part.patients);
    pushAll(tree.studies, part.studies);
    pushAll(tree.series, part.series);
    tree.records += part.records;
    for (const inst of part.instances) {
      tree.instances.push(inst);
      const id = inst.referencedFileId.join('/');
      if (inst.unsafe) {
        report.refused.push(id);
        continue;
      }
      const onDisk = resolveInFolder(root, inst.referencedFileId);
      if (onDisk && statSync(onDisk).isFile()) report.present.push({ ...inst, path: onDisk });
      else report.missing.push(id);
    }
    for (const next of part.nextDirectoryFiles) {
      tree.nextDirectoryFiles.push(next);
      const id = next.referencedFileId.join('/');
      if (next.unsafe) {
        report.refused.push(id);
        continue;
      }
      const onDisk = resolveInFolder(root, next.referencedFileId);
      if (!onDisk || !statSync(onDisk).isFile()) {
        report.missing.push(id);
        continue;
      }
      const { referencedFileId: _ids, unsafe: _u, recordType: _t, ...ctx } = next;
      queue.push({ path: onDisk, context: ctx, via: relative(root, onDisk) });
    }
  }
  if (report.missing.length) {
    report.issues.push({
      severity: 'warning',
      code: 'missing-files',
      message: `${report.missing.length} referenced file(s) missing on the disc: ${report.missing.slice(0, 10).join(', ')}${report.missing.length > 10 ? ', …' : ''}`,
    });
  }
  return report;
}

function safeReal(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}

export interface FolderScan {
  /** One report per root DICOMDIR found (chained directory files are not roots). */
  discs: DiscReport[];
  /** Every DICOM object file under the folder (by content, not name), directory files excluded. */
  dicomFiles: string[];
  /** DICOM files that no DICOMDIR references (loose files, nested folders without DICOMDIR). */
  unreferenced: string[];
  /** Files that are not DICOM (README, viewers, autorun.inf, …). */
  other: string[];
}

const MAX_SCAN_FILES = 200000;

/**
 * Scans a CD folder (or any folder of DICOM files): every DICOMDIR through checkDisc, and
 * every file sniffed by content, so loose files and folders without a DICOMDIR are found too.
 */
export function scanFolder(folder: string): FolderScan {
  const scan: FolderScan = { discs: [], dicomFiles: [], unreferenced: [], other: [] };
  const dirs: string[] = [];
  const all: string[] = [];
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      if (n.startsWith('.') || all.length >= MAX_SCAN_FILES) continue;
      const p = join(d, n);
      let st;
      try {
        st = statSync(p);
      } catch {
        continue;
      }
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) all.push(p);
    }
  };
  walk(folder);
  for (const p of all) {
    const kind = sniff(p);
    if (kind === 'dicomdir') dirs.push(p);
    else if (kind === 'dicom') scan.dicomFiles.push(p);
    else scan.other.push(p);
  }
  const reached = new Set<string>();
  const referenced = new Set<string>();
  // Root DICOMDIRs first, by name, shallowest first; chained files are reached through them.
  const order = [...dirs].sort((a, b) => Number(basename(b).toUpperCase() === 'DICOMDIR') - Number(basename(a).toUpperCase() === 'DICOMDIR') || a.split(sep).length - b.split(sep).length);
  for (const d of order) {
    if (reached.has(safeReal(d))) continue;
    const disc = checkDisc(d);
    for (const f of disc.directoryFiles) reached.add(safeReal(f));
    for (const p of disc.present) referenced.add(safeReal(p.path));
    scan.discs.push(disc);
  }
  scan.unreferenced = scan.dicomFiles.filter((f) => !referenced.has(safeReal(f)));
  return scan;
}

/** Format of a file by its first bytes (dicom, dicomdir or other). */
function sniff(path: string): 'dicom' | 'dicomdir' | 'other' {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const buf = Buffer.alloc(4096);
    const n = readSync(fd, buf, 0, buf.length, 0);
    const f = detectFormat(buf.subarray(0, n), n);
    return f === 'dicom' || f === 'dicomdir' ? f : 'other';
  } catch {
    return 'other';
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

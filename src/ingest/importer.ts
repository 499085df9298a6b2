/**
 * Receiving files: paths (files, folders, zips) or bytes → vault first, then a document row
 * and an ingest job in one transaction. Importing the same bytes again is a no-op that says
 * so. Every problem becomes a document state or a reported line; the import goes on.
import { Readable } from 'node:stream';
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Store } from '../store/store.js';
import type { Vault } from '../vault/vault.js';
import type { JobQueue } from '../jobs/queue.js';
import type { ImportLimits } from '../core/config.js';
import type { Channel, ChildFile, Extraction, ExtractedPage, ExtractionIssue, Format, SourceAdapter } from '../core/types.js';
import { detectFormat, HEAD_BYTES, TAIL_BYTES } from '../detect/detect.js';
import type { DocumentRecord, NewDocument } from '../store/documents.js';
import { walkZip } from './zip.js';
import { entryFor, folderOf, isXdmMetadata, labelFrom, parseXdmMetadata, type XdmMetadata } from './xdm.js';
import { decodeBytes } from '../sources/ccda/xml.js';

/** One XDM subset of a zip: its METADATA.XML and the files it described that were found. */
interface XdmSubset {
  folder: string;
  entry: string;
  metadataDocumentId?: string;
  meta: XdmMetadata;
  linked: Array<{ uri: string; entry: string; documentId?: string; title?: string; date?: string; author?: string }>;
}

/** The zip's view of a subset (kept in its label): the submission and each described file with its document, and what is missing. */
function xdmSummary(x: XdmSubset, issues: ExtractionIssue[]): Record<string, unknown> {
  if (!x.meta.ok) {
    issues.push({ severity: 'warning', code: 'xdm-metadata', message: `${x.entry}: could not be read (${x.meta.message}); the files of this subset are kept without its labels` });
    return { folder: x.folder, metadataDocumentId: x.metadataDocumentId, error: x.meta.message };
  }
  const missing = x.meta.documents.filter((d) => !x.linked.some((l) => l.uri === d.uri)).map((d) => d.uri ?? '(no URI)');
  for (const uri of missing) issues.push({ severity: 'warning', code: 'xdm-missing', message: `${x.entry} lists ${uri}, which is not in the zip` });
  return { folder: x.folder, metadataDocumentId: x.metadataDocumentId, submission: x.meta.submission, documents: x.linked, missing };
}

export const INGEST_JOB = 'ingest';
const IMPORT_CONCURRENCY = 4;

export interface ImportEvent {
  /** Path on disk, or `archive.zip!/inner/path` for zip entries. */
  path: string;
  status: 'stored' | 'duplicate' | 'failed' | 'skipped';
  documentId?: string;
  format?: Format;
  size?: number;
  message?: string;
}

export interface ImportOptions {
  channel?: Channel;
  personId?: string;
  /** The account bringing the file in (see DocumentRecord.scope); '' or absent: the command line. */
  scope?: string;
  onEvent?: (e: ImportEvent) => void;
  /**
   * What is known about the file before reading it (the XDM metadata describing a zip entry):
   * stored as `label.receipt` with the new document, so re-reading it keeps it.
   */
  receipt?: Record<string, unknown>;
  /** Title, date, author to show until (or unless) the file's own reader says better. */
  labelHint?: Record<string, unknown>;
}

interface Received {
  sha256: string;
  size: number;
  format: Format;
}

export class Importer {
  constructor(
    private readonly store: Store,
    private readonly vault: Vault,
    private readonly queue: JobQueue,
    private readonly limits: ImportLimits,
  ) {}

  /** Imports files and folders (recursively); returns one event per file. */
  async importPaths(paths: string[], opts: ImportOptions = {}): Promise<ImportEvent[]> {
    const events: ImportEvent[] = [];
    const emit = (e: ImportEvent) => {
      events.push(e);
      opts.onEvent?.(e);
    };
    // A few files at a time: each waits mostly on its vault fsync, and those overlap well.
    const inFlight = new Set<Promise<void>>();
    for (const p of paths) {
      for await (const file of walkFiles(path.resolve(p), emit)) {
        const task = this.importFile(file, opts, emit)
          .catch((err) => ({ path: file, status: 'failed' as const, message: String((err as Error).message ?? err) }))
          .then((e) => emit(e))
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
        if (inFlight.size >= IMPORT_CONCURRENCY) await Promise.race(inFlight);
      }
    }
    await Promise.all(inFlight);
    return events;
  }

  async importFile(file: string, opts: ImportOptions = {}, emit: (e: ImportEvent) => void = () => {}): Promise<ImportEvent> {
    const stat = await fsp.stat(file);
    const head = await readHead(file);
    const format = detectFormat(head, stat.size, stat.size > HEAD_BYTES ? await readTail(file, stat.size) : undefined);
    if (stat.size > this.limits.maxFileBytes) {
      // Too large to keep: recorded with a clear error so the user sees what happened.
      const sha256 = await hashFile(file);
      return this.recordRejected(sha256, stat.size, format, path.basename(file), opts, `the file is ${stat.size} bytes, over the limit of ${this.limits.maxFileBytes} bytes; it was not stored`, file);
    }
    const put = await this.vault.putFile(file, this.limits.maxFileBytes);
    const ev = await this.register({ sha256: put.sha256, size: put.size, format }, path.basename(file), file, opts, undefined, 0, emit);
    // Only a root index (named DICOMDIR) is checked; chained directory files are followed from it.
    if (format === 'dicomdir' && /^dicomdir$/i.test(path.basename(file)) && ev.status === 'stored' && ev.documentId) await this.checkDiscOf(file, ev);
    return ev;
  }

  /**
   * A DICOMDIR read from disk names the files of its CD: report the ones that are missing or
   * point outside the folder, on the DICOMDIR's document and in the import's output.
   */
  private async checkDiscOf(dicomdirFile: string, ev: ImportEvent): Promise<void> {
    const { checkDisc } = await import('../sources/dicom/disc.js');
    const report = checkDisc(dicomdirFile);
    const receipt = { disc: { present: report.present.length, missing: report.missing.slice(0, 1000), missingCount: report.missing.length, refused: report.refused.slice(0, 100) } };
    const doc = await this.store.documents.get(ev.documentId!);
    if (doc) await this.store.documents.setState(doc.id, doc.state, { label: { ...doc.label, receipt } });
    if (report.missing.length || report.refused.length) {
      ev.message = [
        report.missing.length ? `${report.missing.length} files the disc index lists are missing (e.g. ${report.missing.slice(0, 3).join(', ')}); the rest is imported` : '',
        report.refused.length ? `${report.refused.length} entries point outside the disc and were refused` : '',
      ]
        .filter(Boolean)
        .join('; ');
    }
  }

  /**
   * Imports a file as it arrives (an HTTP upload): encrypted into the vault while it streams,
   * so a 1 GB upload never sits in memory or in plaintext on disk. The first bytes, kept on
   * the way, tell the format.
   */
  async importStream(input: AsyncIterable<Buffer>, name: string, opts: ImportOptions = {}): Promise<ImportEvent> {
    let head = Buffer.alloc(0);
    let tail: Uint8Array = new Uint8Array(0);
    const peek = async function* () {
      for await (const chunk of input) {
        if (head.length < HEAD_BYTES) head = Buffer.concat([head, chunk.subarray(0, HEAD_BYTES - head.length)]);
        // The last TAIL_BYTES seen so far (a chunk may be shorter than that).
        tail = chunk.length >= TAIL_BYTES ? chunk.subarray(chunk.length - TAIL_BYTES) : Buffer.concat([tail, chunk]).subarray(-TAIL_BYTES);
        yield chunk;
      }
    };
    const put = await this.vault.putStream(Readable.from(peek()), this.limits.maxFileBytes);
    const format = detectFormat(head, put.size, tail);
    const ev = await this.register({ sha256: put.sha256, size: put.size, format }, name, name, opts, undefined, 0, () => {});
    return ev;
  }

  /** Imports bytes received over HTTP or found inside another document. */
  async importBytes(
    bytes: Uint8Array,
    name: string,
    opts: ImportOptions & { parentId?: string; depth?: number } = {},
    emit: (e: ImportEvent) => void = () => {},
  ): Promise<ImportEvent> {
    const format = detectFormat(bytes.subarray(0, HEAD_BYTES), bytes.length, bytes.subarray(-TAIL_BYTES));
    if (bytes.length > this.limits.maxFileBytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      return this.recordRejected(sha256, bytes.length, format, name, opts, `the file is over the limit of ${this.limits.maxFileBytes} bytes; it was not stored`, name);
    }
    const put = await this.vault.putBytes(bytes);
    return this.register({ sha256: put.sha256, size: put.size, format }, name, name, opts, opts.parentId, opts.depth ?? 0, emit);
  }

  /**
   * Files found inside a document (FHIR attachments, embedded PDFs) in one batch: their
   * bytes into the vault together, their document rows in one transaction. A child whose
   * reader is cheap and yields only text (a clinical note) is read right here and stored
   * finished, with its pages; any other child gets its own ingest job. Each child stays a
   * document of its own (original bytes, parent, and its own person where it names one, else
   * the parent's). One call per part of a document: one vault flush for all its files.
   */
  async importChildren(parent: DocumentRecord, children: PersonChild[], opts: ChildImportOptions = {}): Promise<void> {
    const batch: Array<{ child: PersonChild; format: Format }> = [];
    for (const child of children) {
      const format = detectFormat(child.bytes.subarray(0, HEAD_BYTES), child.bytes.length, child.bytes.subarray(-TAIL_BYTES));
      // Zips expand into documents of their own and oversized files are refused: the single path does both.
      if (format === 'zip' || child.bytes.length > this.limits.maxFileBytes) {
        await this.importBytes(child.bytes, child.name, { channel: opts.channel ?? 'embedded', parentId: parent.id, personId: child.personId ?? opts.personId, scope: opts.scope, depth: 1 });
      } else {
        batch.push({ child, format });
      }
    }
    if (!batch.length) return;
    const puts = await this.vault.putMany(batch.map((b) => b.child.bytes));
    const rows: Array<NewDocument & { issues?: ExtractionIssue[]; label?: Record<string, unknown>; pages?: ExtractedPage[] }> = [];
    const seen = new Set<string>();
    for (let i = 0; i < batch.length; i++) {
      const { child, format } = batch[i];
      const sha256 = puts[i].sha256;
      if (seen.has(sha256)) continue;
      seen.add(sha256);
      const read = opts.readInline && INLINE_FORMATS.has(format) ? await readInline(child, format, opts.readInline) : undefined;
      rows.push({
        sha256,
        channel: opts.channel ?? ('embedded' as const),
        filename: safeName(child.name),
        format,
        size: child.bytes.length,
        parentId: parent.id,
        personId: child.personId ?? opts.personId,
        scope: opts.scope,
        // The holder's title and date name the child now; `receipt.holder` keeps them for the reader that runs later.
        ...(read
          ? { state: 'done' as const, issues: read.issues, label: { resources: 0, pages: read.pages.length, ...child.label, ...(child.label ? { receipt: { holder: child.label } } : {}) } }
          : { state: 'queued' as const, ...(child.label ? { label: { ...child.label, receipt: { holder: child.label } } } : {}) }),
        pages: read?.pages,
      });
    }
    await this.store.transaction(async (tx) => {
      const created = await tx.documents.insertManyNew(rows.map(({ pages: _pages, ...row }) => row), tx.db);
      const pagesOf = new Map(rows.map((r) => [r.sha256, r.pages]));
      const finished: Array<{ documentId: string; pages: ExtractedPage[] }> = [];
      for (const doc of created) {
        const pages = pagesOf.get(doc.sha256);
        if (pages) finished.push({ documentId: doc.id, pages });
        else await this.queue.enqueue(INGEST_JOB, { documentId: doc.id }, { dedupeKey: `ingest:${doc.id}` }, tx.db);
      }
      await tx.search.insertPagesOfMany(finished, tx.db);
    });
  }

  /** Document row + ingest job, atomically; zips are expanded here so each entry is a document. */
  private async register(
    r: Received,
    filename: string,
    displayPath: string,
    opts: ImportOptions,
    parentId: string | undefined,
    depth: number,
    emit: (e: ImportEvent) => void,
  ): Promise<ImportEvent> {
    const { doc, created } = await this.store.transaction(async (tx) => {
      const res = await tx.documents.insertIfNew(
        { sha256: r.sha256, channel: opts.channel ?? (parentId ? 'zip-entry' : 'cli'), filename: safeName(filename), format: r.format, size: r.size, state: 'queued', parentId, personId: opts.personId, scope: opts.scope },
        tx.db,
      );
      // Before the job is visible (same transaction), so the reader finds the receipt there.
      if (res.created && (opts.receipt || opts.labelHint)) {
        const label = { ...opts.labelHint, ...(opts.receipt ? { receipt: opts.receipt } : {}) };
        await tx.documents.setState(res.doc.id, res.doc.state, { label }, tx.db);
        res.doc.label = label;
      }
      if (res.created && r.format !== 'zip') await this.queue.enqueue(INGEST_JOB, { documentId: res.doc.id }, { dedupeKey: `ingest:${res.doc.id}` }, tx.db);
      return res;
    });
    if (!created) {
      return { path: displayPath, status: 'duplicate', documentId: doc.id, format: doc.format, size: r.size, message: `already stored (same bytes as "${doc.filename}")` };
    }
    if (r.format === 'zip') await this.expandZip(doc, displayPath, opts, depth, emit);
    return { path: displayPath, status: 'stored', documentId: doc.id, format: r.format, size: r.size };
  }

  private async expandZip(doc: DocumentRecord, displayPath: string, opts: ImportOptions, depth: number, emit: (e: ImportEvent) => void): Promise<void> {
    if (depth >= this.limits.maxZipDepth) {
      await this.store.documents.setState(doc.id, 'failed', { error: `zip nested more than ${this.limits.maxZipDepth} levels deep; not expanded` });
      return;
    }
    let entries = 0;
    // What the zip's own receipt said is not about its entries.
    const entryOpts = { ...opts, receipt: undefined, labelHint: undefined, channel: 'zip-entry' as const, parentId: doc.id, depth: depth + 1 };
    const importEntry = async (name: string, bytes: Buffer, extra: Pick<ImportOptions, 'receipt' | 'labelHint'> = {}) => {
      const ev = await this.importBytes(bytes, path.posix.basename(name), { ...entryOpts, ...extra }, emit);
      entries++;
      emit({ ...ev, path: `${displayPath}!/${name}` });
      return ev;
    };
    try {
      const buffer = await this.vault.get(doc.sha256);
      // IHE XDM: each subset's METADATA.XML is read (and stored) first, so the files it describes are labelled as they arrive.
      const subsets: XdmSubset[] = [];
      await walkZip(buffer, this.limits, async (entry, open) => {
        if (!isXdmMetadata(entry.name)) return;
        const bytes = await readAll(await open(), this.limits.maxFileBytes);
        const meta = parseXdmMetadata(decodeBytes(bytes));
        const receipt = { xdm: meta.ok ? { role: 'metadata', submission: meta.submission, documents: meta.documents.length } : { role: 'metadata', error: meta.message } };
        const ev = await importEntry(entry.name, bytes, { receipt, labelHint: meta.ok && meta.submission?.title ? { title: meta.submission.title } : undefined });
        subsets.push({ folder: folderOf(entry.name), entry: entry.name, metadataDocumentId: ev.documentId, meta, linked: [] });
      });
      const problems = await walkZip(buffer, this.limits, async (entry, open) => {
        if (subsets.some((x) => x.entry === entry.name)) return;
        const bytes = await readAll(await open(), this.limits.maxFileBytes);
        // The innermost subset folder holding this entry describes it.
        const subset = subsets.filter((x) => x.meta.ok && entry.name.startsWith(x.folder)).sort((a, b) => b.folder.length - a.folder.length)[0];
        const described = subset?.meta.ok ? entryFor(entry.name, subset.folder, subset.meta.documents) : undefined;
        if (!subset || !described) {
          await importEntry(entry.name, bytes);
          return;
        }
        const shown = labelFrom(described);
        const ev = await importEntry(entry.name, bytes, { receipt: { xdm: { ...described, metadataDocumentId: subset.metadataDocumentId } }, labelHint: shown });
        subset.linked.push({ uri: described.uri!, entry: entry.name, documentId: ev.documentId, ...shown });
      });
      for (const p of problems) emit({ path: `${displayPath}!/${p.entry ?? ''}`, status: 'skipped', message: p.message });
      const issues: ExtractionIssue[] = problems.map((p) => ({ severity: 'warning' as const, code: 'zip-entry', message: p.entry ? `${p.entry}: ${p.message}` : p.message }));
      const label: Record<string, unknown> = { entries, skipped: problems.length };
      if (subsets.length) {
        label.xdm = subsets.map((x) => xdmSummary(x, issues));
      }
      await this.store.documents.setState(doc.id, 'done', { issues, label });
    } catch (err) {
      await this.store.documents.setState(doc.id, 'failed', { error: `could not read this zip archive: ${(err as Error).message}`, label: { entries } });
    }
  }

  private async recordRejected(sha256: string, size: number, format: Format, name: string, opts: ImportOptions, error: string, displayPath: string): Promise<ImportEvent> {
    const { doc, created } = await this.store.documents.insertIfNew({ sha256, channel: opts.channel ?? 'cli', filename: safeName(name), format, size, state: 'failed', error, scope: opts.scope });
    return { path: displayPath, status: created ? 'failed' : 'duplicate', documentId: doc.id, format, size, message: error };
  }
}

/** A file found inside a document, with the person it is about when that is not the parent's (a note of one patient in a bulk export). */
export type PersonChild = ChildFile & { personId?: string };

export interface ChildImportOptions {
  channel?: Channel;
  /** The parent's person: a file found inside a document is about the same person. */
  personId?: string;
  /** The parent's scope: a file found inside a document belongs to whoever brought the document in. */
  scope?: string;
  /** The reader the pipeline would use for a format; given, text children are read in the parent's job. */
  readInline?: (format: Format) => Promise<SourceAdapter | undefined> | SourceAdapter | undefined;
}

/** Formats cheap enough to read inside the parent's job (no OCR, no parsing worth a job of its own). */
const INLINE_FORMATS = new Set<Format>(['text']);
/** More pages than this and the child is read by its own job (keeps one insert statement bounded). */
const INLINE_MAX_PAGES = 1000;

/**
 * Reads a child with its format's reader when the result is text only (pages, warnings at
 * most): exactly what its own ingest job would store. Anything more (resources, people,
 * errors, nested files) returns undefined and the child gets a job as usual.
 */
async function readInline(child: ChildFile, format: Format, readerFor: NonNullable<ChildImportOptions['readInline']>): Promise<{ pages: ExtractedPage[]; issues: ExtractionIssue[] } | undefined> {
  const adapter = await readerFor(format);
  if (!adapter) return undefined;
  const bytes = Buffer.from(child.bytes.buffer, child.bytes.byteOffset, child.bytes.byteLength);
  try {
    const result = adapter.extract({ filename: child.name, format, size: bytes.length, bytes: async () => bytes, stream: () => Readable.from([bytes]) });
    if (Symbol.asyncIterator in Object(result)) return undefined;
    const ext = await (result as Promise<Extraction> | Extraction);
    const textOnly = !ext.resources.length && !ext.children?.length && !ext.segments?.length && !ext.subjects && !ext.label && !ext.issues.some((i) => i.severity === 'error' || i.code.startsWith('person-'));
    if (!textOnly || (ext.pages?.length ?? 0) > INLINE_MAX_PAGES) return undefined;
    return { pages: ext.pages ?? [], issues: ext.issues };
  } catch {
    return undefined; // its own job will record the failure as the document's state
  }
}

/** A name fit to show and to use in a download header: no path, no control characters. */
export function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 255);
  return clean || 'unnamed';
}

async function readHead(file: string): Promise<Buffer> {
  const fh = await fsp.open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function readTail(file: string, size: number): Promise<Buffer> {
  const fh = await fsp.open(file, 'r');
  try {
    const n = Math.min(size, TAIL_BYTES);
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, size - n);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function hashFile(file: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(fs.createReadStream(file), new Transform({ transform: (c, _e, cb) => (h.update(c), cb()) }));
  return h.digest('hex');
}

async function readAll(stream: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of stream) {
    n += (c as Buffer).length;
    if (n > max) throw new Error(`entry is larger than ${max} bytes`);
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A bulk export's Patient file (`Patient.ndjson`, `Patient.000.ndjson`) before the files that
 * refer to its patients: their jobs then find the people already made instead of waiting for
 * them and being read twice. Otherwise by name.
 */
export function patientFilesFirst(a: string, b: string): number {
  const pa = /^patient\b/i.test(a) ? 0 : 1;
  const pb = /^patient\b/i.test(b) ? 0 : 1;
  return pa - pb || (a < b ? -1 : a > b ? 1 : 0);
}

/** Files under a path, depth first, sorted for a stable order; unreadable paths are reported. */
async function* walkFiles(p: string, emit: (e: ImportEvent) => void): AsyncGenerator<string> {
  let st: fs.Stats;
  try {
    st = await fsp.lstat(p);
  } catch (err) {
    emit({ path: p, status: 'failed', message: `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}` });
    return;
  }
  if (st.isSymbolicLink()) {
    try {
      st = await fsp.stat(p);
    } catch {
      emit({ path: p, status: 'skipped', message: 'broken symbolic link' });
      return;
    }
    if (st.isDirectory()) return void emit({ path: p, status: 'skipped', message: 'symbolic link to a folder not followed' });
  }
  if (st.isDirectory()) {
    const names = (await fsp.readdir(p)).sort(patientFilesFirst);
    for (const n of names) {
      if (n === '.DS_Store' || n === 'Thumbs.db' || n === '__MACOSX') continue;
      yield* walkFiles(path.join(p, n), emit);
    }
  } else if (st.isFile()) {
    yield p;
  }
}


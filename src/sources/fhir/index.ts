/**
 * The FHIR R4 import adapter: single resources, Bundles of every type, bulk-data NDJSON
 * (streamed in parts of PART_SIZE resources) and Apple Health clinical records (one resource
 * per file, DSTU2 mapped to R4). Payer resources (ExplanationOfBenefit, Coverage, Claim) are
 * kept as they are. Bad input never throws: each problem is an issue, the valid rest is kept.
 */
import type { Extraction, ExtractionIssue, SourceAdapter, SourceInput } from '../../core/types.js';
import { flatten } from './bundle.js';
import { Collector, type CollectStats } from './collect.js';
import { readLines, splitLines, type Line } from './ndjson.js';
import { parseXmlTree } from '../ccda/xml.js';
import { decodeText, UnsupportedEncodingError, utf8Stream } from '../../detect/encoding.js';
import { r4Elements } from './r4-elements.js';
import { fhirXmlToJson } from './xml-to-json.js';
import { relieveHeap } from '../../core/heap.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';
import { pushAll } from '../../core/arrays.js';

/** Resources per streamed part of an NDJSON file. */
export const PART_SIZE = 2000;
/** A part is also cut when its attachment bytes pass this, so large scanned documents stay bounded. */
export const PART_BYTES = 64 * 1024 * 1024;
/** Above this a single JSON document cannot be parsed in one piece (V8 string limit is ~512 MB). */
const MAX_JSON_BYTES = 500 * 1024 * 1024;
/** A "fhir-json" input this large is checked for NDJSON content first, so it can be streamed. */
const SNIFF_NDJSON_ABOVE = 32 * 1024 * 1024;
/** Longest first line looked at when sniffing. */
const SNIFF_LINE_CAP = 16 * 1024 * 1024;

/** Describes a JSON.parse failure with line and column, and says when the text is plainly not JSON. */
export function describeJsonError(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const head = text.trimStart().slice(0, 40).replace(/\s+/g, ' ');
  if (/^</.test(head)) return `not JSON: the content starts with "${head.slice(0, 20)}" (HTML or XML?)`;
  const pos = /position (\d+)/.exec(msg);
  const at = pos ? Number(pos[1]) : undefined;
  if (/Unexpected end of JSON input/.test(msg) || (at !== undefined && at >= text.trimEnd().length - 1)) {
    return `truncated JSON: the text ends before the JSON is complete (${text.length} characters)`;
  }
  if (at === undefined) return `malformed JSON: ${msg}`;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return `malformed JSON at line ${line}, column ${column}: ${msg}`;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (nestsDeeperThan(value)) return { ok: false, error: `JSON nested more than ${MAX_JSON_DEPTH} levels deep (no FHIR resource is)` };
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: describeJsonError(text, err) };
  }
}

/** Adds one NDJSON line (a resource, or a Bundle) to the collector. */
function addLine(c: Collector, l: Line): void {
  if (!l.text.trim()) return;
  const parsed = parse(l.text);
  if (!parsed.ok) {
    c.issues.push({ severity: 'error', code: 'invalid-json', message: `line ${l.line}: ${parsed.error}; line skipped`, location: { line: l.line } });
    c.stats.byType['(unparsable line)'] ??= { in: 0, stored: 0, rejected: 0 };
    c.stats.byType['(unparsable line)'].in++;
    c.stats.byType['(unparsable line)'].rejected++;
    return;
  }
  const flat = flatten(parsed.value, { line: l.line });
  c.stats.bundles += flat.bundles;
  pushAll(c.issues, flat.issues);
  c.prescan(flat.entries);
  for (const e of flat.entries) c.add(e);
}

/** Why a file could not be read: its encoding (clear code), or the I/O error. */
function readFailure(input: SourceInput, err: unknown): ExtractionIssue {
  if (err instanceof UnsupportedEncodingError) return { severity: 'error', code: err.code, message: `${input.filename}: ${err.message}` };
  return { severity: 'error', code: 'read-failed', message: `reading ${input.filename} failed: ${err instanceof Error ? err.message : String(err)}` };
}

/**
 * A whole file as text: FHIR is UTF-8, but Windows tools save UTF-16 with a byte order mark
 * (or add a UTF-8 BOM). Either the text, or why it could not be read.
 */
async function readText(input: SourceInput): Promise<{ text: string } | { issue: ExtractionIssue }> {
  try {
    return { text: decodeText(await input.bytes()) };
  } catch (err) {
    return { issue: readFailure(input, err) };
  }
}

/** Streams an NDJSON input: one Extraction per PART_SIZE resources, bounded memory. */
export async function* extractNdjson(
  input: SourceInput,
  stats?: (s: CollectStats) => void,
  limits: { resources: number; bytes: number } = { resources: PART_SIZE, bytes: PART_BYTES },
): AsyncGenerator<Extraction> {
  const c = new Collector();
  let yielded = false;
  try {
    for await (const batch of readLines(utf8Stream(input.stream() as AsyncIterable<Buffer>))) {
      for (const l of batch) {
        addLine(c, l);
        if (c.resources.length + c.issues.length >= limits.resources || c.attachments.pendingBytes >= limits.bytes) {
          yielded = true;
          yield c.drain();
          // The part is stored and dropped by now: its garbage goes before the next one piles on.
          relieveHeap();
        }
      }
    }
  } catch (err) {
    const issue = readFailure(input, err);
    c.issues.push({ ...issue, message: `${issue.message}; lines read so far are kept` });
  }
  const last = c.drain();
  if (!yielded || last.resources.length || last.issues.length || last.subjects || last.children) yield last;
  stats?.(c.stats);
}

/** A whole JSON document: a resource, a Bundle, or (tolerated) an array of resources or NDJSON. */
export async function extractJson(input: SourceInput, stats?: (s: CollectStats) => void): Promise<Extraction> {
  const c = new Collector();
  if (input.size > MAX_JSON_BYTES) {
    stats?.(c.stats);
    return { resources: [], issues: [{ severity: 'error', code: 'too-large', message: `${input.filename}: a single JSON document of ${Math.round(input.size / 1048576)} MB is too large to parse at once; export it as NDJSON` }] };
  }
  const read = await readText(input);
  if ('issue' in read) {
    stats?.(c.stats);
    return { resources: [], issues: [read.issue] };
  }
  const { text } = read;
  const parsed = parse(text);
  if (!parsed.ok) {
    // Several JSON objects on separate lines is NDJSON whose first line was too long to sniff.
    const lines = [...splitLines(text)].filter((l) => l.text.trim());
    if (lines.length > 1 && parse(lines[0].text).ok) {
      for (const l of lines) addLine(c, l);
      stats?.(c.stats);
      return c.drain();
    }
    stats?.(c.stats);
    return { resources: [], issues: [{ severity: 'error', code: 'invalid-json', message: `${input.filename}: ${parsed.error}; nothing imported` }] };
  }
  return collectDocument(c, parsed.value, input.filename, [], stats);
}

/** A parsed document (resource, Bundle, or array of them) through the collector: validation, attachments, subjects. */
function collectDocument(c: Collector, value: unknown, filename: string, issues: ExtractionIssue[], stats?: (s: CollectStats) => void): Extraction {
  const values = Array.isArray(value) ? value : [value];
  let label: Extraction['label'];
  values.forEach((v, i) => {
    const flat = flatten(v, Array.isArray(value) ? { entryId: `[${i}]` } : {});
    c.stats.bundles += flat.bundles;
    pushAll(issues, flat.issues);
    label ??= flat.label;
    c.prescan(flat.entries);
    for (const e of flat.entries) c.add(e);
  });
  const ext = c.drain();
  ext.issues = [...issues, ...ext.issues];
  if (label) ext.label = label;
  if (!ext.resources.length && !ext.issues.length) ext.issues.push({ severity: 'warning', code: 'empty', message: `${filename}: no resources` });
  stats?.(c.stats);
  return ext;
}

/** A FHIR XML document (a resource or a Bundle): converted to FHIR JSON, then imported like JSON. */
export async function extractXml(input: SourceInput, stats?: (s: CollectStats) => void): Promise<Extraction> {
  const c = new Collector();
  const fail = (code: string, message: string): Extraction => {
    stats?.(c.stats);
    return { resources: [], issues: [{ severity: 'error', code, message: `${input.filename}: ${message}; nothing imported` }] };
  };
  const read = await readText(input);
  if ('issue' in read) {
    stats?.(c.stats);
    return { resources: [], issues: [read.issue] };
  }
  const { text } = read;
  const tree = parseXmlTree(text);
  if (!tree.ok) return fail(tree.code, tree.message);
  const root = tree.top[0];
  if (!root) return fail('invalid-xml', 'no XML element found');
  const converted = fhirXmlToJson(root, await r4Elements());
  if ('error' in converted) return fail('invalid-resource', converted.error);
  const issues: ExtractionIssue[] = [];
  if (tree.lenient) issues.push({ severity: 'warning', code: 'xml-not-well-formed', message: `${input.filename}: not well-formed XML (${tree.lenient}); read leniently` });
  const shown = converted.problems.slice(0, 20);
  for (const p of shown) issues.push({ severity: 'warning', code: 'xml-unknown-element', message: `${p}; skipped` });
  if (converted.problems.length > shown.length) {
    issues.push({ severity: 'warning', code: 'xml-unknown-element', message: `${converted.problems.length - shown.length} more elements skipped` });
  }
  return collectDocument(c, converted.value, input.filename, issues, stats);
}

/** True when the input's first line is a complete JSON object and more lines follow: NDJSON. */
async function startsLikeNdjson(input: SourceInput): Promise<boolean> {
  const stream = input.stream() as NodeJS.ReadableStream & { destroy?: () => void };
  let head = '';
  try {
    for await (const chunk of utf8Stream(stream as AsyncIterable<Buffer | string>)) {
      head += chunk.toString('utf8');
      const nl = head.indexOf('\n');
      if (nl >= 0) return parse(head.slice(0, nl).replace(/^\uFEFF/, '')).ok && head.slice(nl + 1).trim().length > 0;
      if (head.length > SNIFF_LINE_CAP) return false;
    }
    return false;
  } catch {
    return false;
  } finally {
    stream.destroy?.();
  }
}

/** Large "fhir-json" inputs: stream them when they are really NDJSON, else parse in one piece if possible. */
async function* extractLargeJson(input: SourceInput): AsyncGenerator<Extraction> {
  if (await startsLikeNdjson(input)) yield* extractNdjson(input);
  else yield await extractJson(input);
}

export const fhirAdapter: SourceAdapter = {
  name: 'fhir',
  formats: ['fhir-json', 'fhir-ndjson', 'fhir-xml'],
  extract(input: SourceInput) {
    if (input.format === 'fhir-xml') return extractXml(input);
    if (input.format === 'fhir-ndjson') return extractNdjson(input);
    return input.size > SNIFF_NDJSON_ABOVE ? extractLargeJson(input) : extractJson(input);
  },
};

export { resolveReferences, ReferenceIndex, parseReference, forEachReference } from './references.js';
export type { CollectStats } from './collect.js';

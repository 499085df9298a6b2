/**
 * The raw CDA layer: a small, typed element tree.
 * Well-formed documents (nearly all) are read by saxes, a strict streaming parser, straight
 * into the tree; documents it refuses (a raw `&`, an HTML entity, a stray end tag — vendors
 * send these) are read again leniently from fast-xml-parser's ordered output, with a warning.
 * saxes builds the tree in about a third of the time the lenient path takes.
 * Safe by construction for XML from strangers: documents declaring entities are rejected
 * before parsing (XXE, billion laughs), entity processing is off (only the five predefined
 * entities and character references are decoded, never expanded recursively), and size and
 * nesting depth are bounded.
 */
import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';

/** One element (or a text node, name '#text'). Element names carry no namespace prefix. */
export interface CdaNode {
  name: string;
  attrs: Record<string, string>;
  children: CdaNode[];
  /** Text content of a '#text' node; '' for elements. */
  text: string;
}

export const MAX_BYTES = 64 * 1024 * 1024;
export const MAX_DEPTH = 256;
/**
 * Most tags (`<`: elements, comments, CDATA, instructions) a document may hold. The tree costs
 * ~300 bytes of heap per tag (an element and its text node): a 59 MB CDA of `<td>x</td>` held the
 * main thread 75 s and took 3.9 GB, at the edge of the default heap (README, session 14). The
 * sample's C-CDAs hold at most 23,441 tags (0.9 MB); 1 M is ~40 MB of ordinary C-CDA, ~300 MB and
 * a few seconds of parsing at worst.
 */
export const MAX_TAGS = 1_000_000;

/** `lenient` is set when the document is not well-formed XML and was read leniently: why strict reading failed. */
export type ParseResult = { ok: true; root: CdaNode; lenient?: string } | { ok: false; code: string; message: string };

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined XML entities and numeric character references; other `&name;` stay literal. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return PREDEFINED[e];
    const cp = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : m;
  });
}

const localName = (n: string) => {
  const i = n.indexOf(':');
  return i >= 0 ? n.slice(i + 1) : n;
};

/** Attribute names lose their prefix too, except the reserved `xml:` ones (xml:lang beside lang in XHTML). */
const attrName = (n: string) => (n.startsWith('xml:') ? n : localName(n));

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: MAX_DEPTH,
  // No callbacks use the element path; without this the parser builds a path string per element (~10% of parse time).
  jPath: false,
});

type Ordered = Record<string, unknown> & { ':@'?: Record<string, string> };

function convert(items: Ordered[], depth: number): CdaNode[] {
  const out: CdaNode[] = [];
  if (depth > MAX_DEPTH) return out;
  for (const item of items) {
    for (const key of Object.keys(item)) {
      if (key === ':@') continue;
      const v = item[key];
      if (key === '#text') {
        out.push({ name: '#text', attrs: {}, children: [], text: decodeEntities(String(v ?? '')) });
        continue;
      }
      const attrs: Record<string, string> = {};
      for (const [a, av] of Object.entries(item[':@'] ?? {})) {
        if (a.startsWith('xmlns')) continue;
        attrs[attrName(a)] = decodeEntities(String(av));
      }
      out.push({ name: localName(key), attrs, children: Array.isArray(v) ? convert(v as Ordered[], depth + 1) : [], text: '' });
    }
  }
  return out;
}

/** Decodes bytes to text: UTF-8 (with or without BOM) or UTF-16 with BOM. */
export function decodeBytes(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  const s = new TextDecoder('utf-8', { fatal: false }).decode(b);
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

class TooDeep extends Error {}

/**
 * Strict reading: saxes checks well-formedness and decodes only the predefined entities and
 * character references (an undeclared entity is an error, so nothing is ever expanded).
 * Returns the top-level elements; throws on anything not well-formed.
 */
function parseStrict(xml: string): CdaNode[] {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const top: CdaNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: CdaNode[] = [top];
  // Text split by a comment or CDATA boundary is one text node, as a reader of the document sees it.
  const addText = (text: string) => {
    if (stack.length === 1) return;
    const siblings = stack[stack.length - 1].children;
    const last = siblings[siblings.length - 1];
    if (last?.name === '#text') last.text += text;
    else siblings.push({ name: '#text', attrs: {}, children: [], text });
  };
  parser.on('opentag', (tag) => {
    if (stack.length > MAX_DEPTH) throw new TooDeep(`elements nested deeper than ${MAX_DEPTH}`);
    const attrs: Record<string, string> = {};
    for (const a in tag.attributes) {
      if (!a.startsWith('xmlns')) attrs[attrName(a)] = tag.attributes[a] as string;
    }
    const node: CdaNode = { name: localName(tag.name), attrs, children: [], text: '' };
    stack[stack.length - 1].children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.write(xml).close();
  return top.children;
}

/** Lenient reading for documents saxes refuses: fast-xml-parser's ordered output, converted. */
function parseLenient(xml: string): CdaNode[] {
  return convert(parser.parse(xml) as Ordered[], 0).filter((n) => n.name !== '#text');
}

/** Top-level elements of an XML document read safely, or why it could not be read. */
export type XmlTreeResult = { ok: true; top: CdaNode[]; lenient?: string } | { ok: false; code: string; message: string };

/**
 * Parses any XML from strangers into the element tree; never throws. Rejects entity
 * declarations (XXE, billion laughs) and oversize input (bytes, or tags: MAX_TAGS), bounds nesting depth; a document that
 * is not well-formed is read leniently (`lenient` says why strict reading failed).
 * Shared by the C-CDA and FHIR XML readers so both have the same hardening.
 */
export function parseXmlTree(xml: string): XmlTreeResult {
  if (xml.length > MAX_BYTES) return { ok: false, code: 'too-large', message: `document larger than ${MAX_BYTES} bytes` };
  let tags = 0;
  for (let i = xml.indexOf('<'); i !== -1; i = xml.indexOf('<', i + 1)) {
    if (++tags > MAX_TAGS) return { ok: false, code: 'too-large', message: `document holds more than ${MAX_TAGS.toLocaleString('en-US')} tags; not read (a tree that large would exhaust the reader's memory)` };
  }
  if (/<!DOCTYPE/i.test(xml) && /<!ENTITY/i.test(xml)) {
    return { ok: false, code: 'xml-entities', message: 'document declares XML entities (DTD with <!ENTITY>): rejected as unsafe (XXE / entity expansion)' };
  }
  try {
    return { ok: true, top: parseStrict(xml) };
  } catch (strictError) {
    if (strictError instanceof TooDeep) return { ok: false, code: 'xml-malformed', message: `XML could not be parsed: ${strictError.message}` };
    const lenient = strictError instanceof Error ? strictError.message : String(strictError);
    try {
      return { ok: true, top: parseLenient(xml), lenient };
    } catch (err) {
      return { ok: false, code: 'xml-malformed', message: `XML could not be parsed: ${err instanceof Error ? err.message : String(err)}` };
    }
  }
}

/** Parses a CDA document; never throws. Rejects entity declarations and oversize input. */
export function parseCdaXml(xml: string): ParseResult {
  const tree = parseXmlTree(xml);
  if (!tree.ok) return tree;
  const { top, lenient } = tree;
  const root = top.find((n) => n.name === 'ClinicalDocument');
  if (!root) return { ok: false, code: 'not-cda', message: top.length ? `root element is <${top[0].name}>, not <ClinicalDocument>` : 'no XML element found' };
  return lenient === undefined ? { ok: true, root } : { ok: true, root, lenient };
}

// ---- navigation helpers --------------------------------------------------------------

export const kids = (n: CdaNode | undefined, name: string): CdaNode[] => (n ? n.children.filter((c) => c.name === name) : []);
export const kid = (n: CdaNode | undefined, name: string): CdaNode | undefined => n?.children.find((c) => c.name === name);
export const elements = (n: CdaNode | undefined): CdaNode[] => (n ? n.children.filter((c) => c.name !== '#text') : []);

/** Follows a path of child names, taking the first match at each step. */
export function at(n: CdaNode | undefined, ...path: string[]): CdaNode | undefined {
  let cur = n;
  for (const p of path) {
    cur = kid(cur, p);
    if (!cur) return undefined;
  }
  return cur;
}

/** All nodes reached by a path, fanning out over repeated elements. */
export function all(n: CdaNode | undefined, ...path: string[]): CdaNode[] {
  let cur: CdaNode[] = n ? [n] : [];
  for (const p of path) cur = cur.flatMap((c) => kids(c, p));
  return cur;
}

export const attr = (n: CdaNode | undefined, a: string): string | undefined => {
  const v = n?.attrs[a];
  return v === undefined ? undefined : v.trim() || undefined;
};

/** Concatenated text of a node and its descendants, whitespace collapsed. */
export function textOf(n: CdaNode | undefined): string {
  if (!n) return '';
  const parts: string[] = [];
  const walk = (x: CdaNode) => {
    if (x.name === '#text') parts.push(x.text);
    else x.children.forEach(walk);
  };
  walk(n);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

export const isNull = (n: CdaNode | undefined): boolean => !!n && attr(n, 'nullFlavor') !== undefined;

export const templateIds = (n: CdaNode | undefined): string[] => kids(n, 'templateId').map((t) => attr(t, 'root') ?? '').filter(Boolean);

export const hasTemplate = (n: CdaNode | undefined, root: string): boolean => templateIds(n).includes(root);

/** Depth-first search for descendants (not the node itself) satisfying a predicate. */
export function descendants(n: CdaNode | undefined, pred: (x: CdaNode) => boolean): CdaNode[] {
  const out: CdaNode[] = [];
  const walk = (x: CdaNode) => {
    for (const c of x.children) {
      if (c.name === '#text') continue;
      if (pred(c)) out.push(c);
      walk(c);
    }
  };
  if (n) walk(n);
  return out;
}

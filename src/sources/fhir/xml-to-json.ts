/**
 * FHIR R4 XML → FHIR JSON, following the R4 XML and JSON representation rules
 * (hl7.org/fhir/R4/xml.html, json.html): the root element names the resource type; primitives
 * carry `value` attributes and become JSON strings/numbers/booleans; their `id` and extensions
 * go to `_name` (arrays aligned with nulls); repeating elements become arrays as the
 * StructureDefinitions say; choice elements keep their typed name (`valueQuantity`); `contained`,
 * `Bundle.entry.resource` and other Resource-typed elements wrap a whole resource; the narrative
 * `div` stays XHTML text. Pure: the element index is passed in. Unknown elements are reported
 * and skipped, never guessed.
 */
import type { CdaNode } from '../ccda/xml.js';
import type { R4Elements } from './r4-elements.js';

type Json = Record<string, unknown>;

export interface XmlConversion {
  value: Json;
  /** Elements R4 does not define (path in the document) and values of the wrong shape. */
  problems: string[];
}

const NUMBER_TYPES = new Set(['integer', 'positiveInt', 'unsignedInt', 'decimal', 'integer64', 'System.Integer', 'System.Decimal']);
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

const elementsOf = (n: CdaNode) => n.children.filter((c) => c.name !== '#text');

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;');

/** Writes an XHTML subtree back to text; the root `div` gets the XHTML namespace FHIR JSON requires. */
export function xhtmlToString(n: CdaNode, root = true): string {
  if (n.name === '#text') return escapeText(n.text);
  const attrs = Object.entries(n.attrs).map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
  const ns = root ? ` xmlns="${XHTML_NS}"` : '';
  const inner = n.children.map((c) => xhtmlToString(c, false)).join('');
  return inner ? `<${n.name}${ns}${attrs}>${inner}</${n.name}>` : `<${n.name}${ns}${attrs}/>`;
}

class Converter {
  problems: string[] = [];
  constructor(private r4: R4Elements) {}

  resource(node: CdaNode, where: string): Json | undefined {
    if (this.r4.kind(node.name) !== 'resource') {
      this.problems.push(`${where}: <${node.name}> is not an R4 resource type`);
      return undefined;
    }
    const out: Json = { resourceType: node.name };
    this.fill(out, node, node.name, `${where}${node.name}`);
    return out;
  }

  primitive(raw: string, type: string, where: string): unknown {
    if (type === 'boolean' || type === 'System.Boolean') {
      if (raw === 'true' || raw === 'false') return raw === 'true';
      this.problems.push(`${where}: "${raw}" is not a boolean`);
      return raw;
    }
    if (NUMBER_TYPES.has(type)) {
      // A JSON number, as FHIR JSON carries decimals: "7.30" is 7.3, exactly what JSON.parse makes
      // of the JSON form, so both forms of a resource store alike. The written precision stays in
      // the original file (vault); keeping it in the resource would need a lossless JSON parse.
      const n = Number(raw);
      if (raw.trim() !== '' && Number.isFinite(n)) return n;
      this.problems.push(`${where}: "${raw}" is not a number`);
      return raw;
    }
    return raw;
  }

  /** A complex value (data type or backbone element) from its element. */
  complex(node: CdaNode, base: string, where: string): Json {
    const out: Json = {};
    // Element.id and Extension.url are XML attributes.
    if (node.attrs.id !== undefined) out.id = node.attrs.id;
    if (node.attrs.url !== undefined) out.url = node.attrs.url;
    this.fill(out, node, base, where);
    return out;
  }

  /** Adds the child elements of `node` (defined under `base`) to `out`, grouping repeats. */
  fill(out: Json, node: CdaNode, base: string, where: string): void {
    for (const child of elementsOf(node)) {
      const path = `${where}/${child.name}`;
      const resolved = this.r4.child(base, child.name);
      if (!resolved) {
        this.problems.push(`${path}: not an element of ${base}`);
        continue;
      }
      const { info, type, childBase } = resolved;
      const key = child.name;
      const kind = this.r4.kind(type);
      let value: unknown;
      let extra: Json | undefined;
      if (type === 'xhtml') {
        value = xhtmlToString(child);
      } else if (kind === 'primitive') {
        const raw = child.attrs.value;
        value = raw === undefined ? null : this.primitive(raw, type, path);
        const ext: Json = {};
        if (child.attrs.id !== undefined) ext.id = child.attrs.id;
        this.fill(ext, child, 'Element', path);
        if (Object.keys(ext).length) extra = ext;
        if (value === null && !extra) continue;
      } else if (kind === 'resource' || type === 'Resource') {
        const inner = elementsOf(child)[0];
        if (!inner) continue;
        value = this.resource(inner, `${path}/`);
        if (value === undefined) continue;
      } else {
        value = this.complex(child, childBase ?? type, path);
      }
      this.put(out, key, value, extra, info.repeats);
    }
  }

  private put(out: Json, key: string, value: unknown, extra: Json | undefined, repeats: boolean): void {
    const underscore = `_${key}`;
    if (!repeats) {
      if (value !== null) out[key] = value;
      if (extra) out[underscore] = extra;
      return;
    }
    // Repeating primitives: `name` and `_name` stay aligned, null where one side has nothing.
    const values = (out[key] as unknown[] | undefined) ?? [];
    const position = Math.max(values.length, (out[underscore] as unknown[] | undefined)?.length ?? 0);
    while (values.length < position) values.push(null);
    values.push(value);
    out[key] = values;
    if (extra || out[underscore]) {
      const extras = (out[underscore] as unknown[] | undefined) ?? [];
      while (extras.length < position) extras.push(null);
      extras.push(extra ?? null);
      out[underscore] = extras;
    }
  }
}

/** Drops arrays that hold only nulls (every value was extension-only); keeps alignment otherwise. */
function tidy(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(tidy);
  if (v && typeof v === 'object') {
    const o = v as Json;
    for (const k of Object.keys(o)) {
      const x = o[k];
      if (Array.isArray(x) && x.length && x.every((e) => e === null)) delete o[k];
      else o[k] = tidy(x);
    }
  }
  return v;
}

/** Converts the root element of a FHIR XML document (a resource or a Bundle) to FHIR JSON. */
export function fhirXmlToJson(root: CdaNode, r4: R4Elements): XmlConversion | { error: string } {
  const c = new Converter(r4);
  const value = c.resource(root, '/');
  if (!value) return { error: c.problems[0] ?? `<${root.name}> is not a FHIR resource` };
  return { value: tidy(value) as Json, problems: c.problems };
}

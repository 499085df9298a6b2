/**
 * Section narrative (`section/text`) to readable, sanitized plain text: table rows become
 * lines with cells joined by " | ", paragraphs, list items and line breaks become new lines.
 * No markup survives. Also collects the document's `ID` targets so `<reference value="#x"/>`
 * can be resolved to the text the vendor pointed at.
 */
import type { CdaNode } from './xml.js';
import { textOf } from './xml.js';

const BLOCK = new Set(['paragraph', 'br', 'item', 'caption', 'list', 'table', 'tr', 'thead', 'tbody', 'tfoot', 'footnote', 'footnotes']);
const CELL = new Set(['td', 'th']);
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function narrativeText(n: CdaNode | undefined): string {
  if (!n) return '';
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    const t = line.replace(/\s+/g, ' ').replace(/^(\s*\|)+\s*/, '').replace(/(\s*\|)+\s*$/, '').trim();
    if (t) lines.push(t);
    line = '';
  };
  const walk = (x: CdaNode) => {
    if (x.name === '#text') {
      line += x.text;
      return;
    }
    if (x.name === 'renderMultiMedia') return;
    if (x.name === 'br') {
      flush();
      return;
    }
    if (CELL.has(x.name)) {
      line += ' | ';
      x.children.forEach(walk);
      line += ' ';
      return;
    }
    if (BLOCK.has(x.name)) {
      flush();
      x.children.forEach(walk);
      flush();
      return;
    }
    x.children.forEach(walk);
  };
  walk(n);
  flush();
  return lines.join('\n').replace(CONTROL, '');
}

/** Elements whose text has structure (cells, lines) that plain concatenation would run together. */
const STRUCTURED = new Set([...BLOCK, ...CELL]);

/**
 * The text an `ID` points at, on one line. A reference to a table row (`<tr ID>`, common in HIE
 * and gateway exports) or to a list or paragraph with line breaks keeps its cells and lines apart
 * ("Hepatitis B | CPT | 90744 | 6/25/2001", lines joined by "; "); before, the cells' text was run
 * together ("Hepatitis BCPT907446/25/2001") into codes' text and notes.
 */
export function referencedText(x: CdaNode): string {
  const structured = STRUCTURED.has(x.name) || x.children.some((c) => c.name !== '#text' && STRUCTURED.has(c.name));
  // Empty cells say nothing on one line ("until all consumed | | Started" read as a dangling bar).
  return structured ? narrativeText(x).replace(/ \|(?: \|)+ /g, ' | ').split('\n').join('; ') : textOf(x);
}

/** Map from narrative `ID` (also lower-cased) to the text of that element. */
export function collectIds(root: CdaNode, into = new Map<string, string>()): Map<string, string> {
  const walk = (x: CdaNode) => {
    if (x.name === '#text') return;
    const id = x.attrs.ID ?? x.attrs.id;
    if (id && x.name !== 'id') {
      const t = referencedText(x);
      if (t) {
        if (!into.has(id)) into.set(id, t);
        if (!into.has(id.toLowerCase())) into.set(id.toLowerCase(), t);
      }
    }
    x.children.forEach(walk);
  };
  walk(root);
  return into;
}

/** Resolves a `reference/@value` ("#id", "id", or a URL ending in #id) against the ID map. */
export function resolveRef(value: string | undefined, ids: Map<string, string>): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const key = v.includes('#') ? v.slice(v.lastIndexOf('#') + 1) : v;
  if (!key) return undefined;
  return ids.get(key) ?? ids.get(key.toLowerCase());
}

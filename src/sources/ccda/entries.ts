/**
 * Walks the structured body: every section (nested ones too) with its XPath, kind, title and
 * narrative, and every entry with its clinical statement. Also decides which entries are
 * nullFlavored placeholders ("no information") that carry nothing to map.
 */
import type { CdaNode } from './xml.js';
import { attr, elements, isNull, kid, kids, textOf } from './xml.js';
import { sectionKind, type SectionKind } from './sections/index.js';
import { resolveRef } from './narrative.js';
import { STATEMENTS, STRUCTURAL_CODES, negated } from './sections/common.js';

export interface SectionInfo {
  /** 1-based, document order, nested sections included. */
  index: number;
  kind: SectionKind;
  title: string;
  code?: string;
  xpath: string;
  node: CdaNode;
  depth: number;
}

export interface EntryInfo {
  section: SectionInfo;
  xpath: string;
  entry: CdaNode;
  statement?: CdaNode;
  placeholder: boolean;
}

const SKIP_IN_CONTENT = new Set(['templateId', 'id', 'statusCode', 'author', 'informant', 'reference', 'effectiveTime', 'realmCode', 'typeId', 'priorityCode', 'languageCode', 'confidentialityCode', 'lotNumberText']);

/** Sections where a negated statement naming nothing is itself a fact ("no known allergies / medications / problems"). */
const NEGATION_IS_FACT = new Set<SectionKind>(['allergies', 'medications', 'problems']);

/**
 * True when a statement holds something clinical: a real (non-structural) code or value, text
 * (own, or a narrative reference that resolves to text), a name, or — in allergies, medications
 * and problems — a negation.
 */
export function hasContent(n: CdaNode, kind?: SectionKind, ids?: Map<string, string>): boolean {
  if (negated(n) && (!kind || NEGATION_IS_FACT.has(kind))) return true;
  for (const c of elements(n)) {
    if (SKIP_IN_CONTENT.has(c.name)) continue;
    if (isNull(c) && c.name !== 'value' && c.name !== 'code') continue;
    if (c.name === 'code' || c.name === 'value' || c.name === 'translation') {
      const code = attr(c, 'code');
      if (code && !STRUCTURAL_CODES.has(code) && !isNull(c)) return true;
      if (c.name === 'value' && attr(c, 'value') !== undefined && !isNull(c)) return true;
      if (c.name === 'value' && !isNull(c) && textOf(c)) return true;
    }
    if (c.name === 'originalText' || c.name === 'text' || c.name === 'name') {
      const refValue = attr(kid(c, 'reference'), 'value');
      if (textOf(c) || (refValue && (!ids || resolveRef(refValue, ids)))) return true;
    }
    if (hasContent(c, kind, ids)) return true;
  }
  return false;
}

export function statementOf(entry: CdaNode): CdaNode | undefined {
  return elements(entry).find((c) => STATEMENTS.has(c.name));
}

export function isPlaceholder(entry: CdaNode, stmt: CdaNode | undefined, kind?: SectionKind, ids?: Map<string, string>): boolean {
  if (!stmt || isNull(entry) || isNull(stmt)) return true;
  return !hasContent(stmt, kind, ids);
}

/** All sections of a structuredBody in document order, nested sections after their parent. */
export function listSections(root: CdaNode): SectionInfo[] {
  const out: SectionInfo[] = [];
  const body = kid(kid(root, 'component'), 'structuredBody');
  if (!body) return out;
  const walk = (container: CdaNode, path: string, depth: number) => {
    kids(container, 'component').forEach((comp, i) => {
      const section = kid(comp, 'section');
      if (!section) return;
      const xpath = `${path}/component[${i + 1}]/section`;
      out.push({
        index: out.length + 1,
        kind: sectionKind(section),
        title: textOf(kid(section, 'title')) || attr(kid(section, 'code'), 'displayName') || 'Section',
        code: attr(kid(section, 'code'), 'code'),
        xpath,
        node: section,
        depth,
      });
      if (depth < 8) walk(section, xpath, depth + 1);
    });
  };
  walk(body, '/ClinicalDocument/component/structuredBody', 0);
  return out;
}

export function listEntries(section: SectionInfo, ids?: Map<string, string>): EntryInfo[] {
  return kids(section.node, 'entry').map((entry, j) => {
    const statement = statementOf(entry);
    return { section, xpath: `${section.xpath}/entry[${j + 1}]`, entry, statement, placeholder: isPlaceholder(entry, statement, section.kind, ids) };
  });
}

/** Helpers shared by the section mappers. */
import type { CodeableConcept } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { all, attr, elements, hasTemplate, kid, kids } from '../xml.js';
import type { MapContext } from '../context.js';
import { compact, concept, textValue } from '../datatypes.js';
import { ingredientConcept } from './ingredients.js';

export const STATEMENTS = new Set(['act', 'observation', 'organizer', 'substanceAdministration', 'supply', 'procedure', 'encounter', 'regionOfInterest', 'observationMedia']);

export const negated = (n: CdaNode | undefined) => attr(n, 'negationInd')?.toLowerCase() === 'true';
export const status = (n: CdaNode | undefined) => attr(kid(n, 'statusCode'), 'code')?.toLowerCase();
export const mood = (n: CdaNode | undefined) => attr(n, 'moodCode')?.toUpperCase() ?? 'EVN';
export const isIntent = (n: CdaNode | undefined) => ['INT', 'RQO', 'PRP', 'PRMS', 'APT', 'ARQ', 'GOL'].includes(mood(n));

/** The clinical statements directly inside entryRelationship / component children of a statement. */
export function related(stmt: CdaNode | undefined, name?: string, template?: string): CdaNode[] {
  const out: CdaNode[] = [];
  for (const rel of [...kids(stmt, 'entryRelationship'), ...kids(stmt, 'component')]) {
    for (const c of elements(rel)) {
      if (!STATEMENTS.has(c.name)) continue;
      if (name && c.name !== name) continue;
      if (template && !hasTemplate(c, template)) continue;
      out.push(c);
    }
  }
  return out;
}

/** Value of a CD-typed `value`, else the statement's own code, else its text. */
export function valueConcept(stmt: CdaNode, ctx: MapContext): CodeableConcept | undefined {
  return concept(kid(stmt, 'value'), ctx);
}

/** The statement's text (own or referenced narrative). */
export const stmtText = (stmt: CdaNode | undefined, ctx: MapContext) => textValue(kid(stmt, 'text'), ctx);

/** A concept for the statement's code, falling back to its text when the code is empty. */
export function codeOrText(stmt: CdaNode, ctx: MapContext): CodeableConcept | undefined {
  const c = concept(kid(stmt, 'code'), ctx);
  if (c) return c;
  const t = stmtText(stmt, ctx);
  return t ? { text: t } : undefined;
}

/** Every product code of a consumable / product (manufacturedMaterial or manufacturedLabeledDrug). */
export function productConcept(stmt: CdaNode, ctx: MapContext): CodeableConcept | undefined {
  for (const mp of [...all(stmt, 'consumable', 'manufacturedProduct'), ...all(stmt, 'product', 'manufacturedProduct')]) {
    for (const mat of [...kids(mp, 'manufacturedMaterial'), ...kids(mp, 'manufacturedLabeledDrug')]) {
      const c = concept(kid(mat, 'code'), ctx);
      if (c?.coding?.length) return c;
      const name = kid(mat, 'name');
      const t = name && !attr(name, 'nullFlavor') ? textValue(name, ctx) : undefined;
      // No coded product: what its ingredients and class say (European CDA) beats an originalText
      // that points at the whole narrative row; the product's own name still names it.
      const byIngredients = ingredientConcept(mat, ctx);
      if (byIngredients) return compact<CodeableConcept>({ coding: byIngredients.coding, text: t ?? byIngredients.text ?? c?.text });
      if (c) return c;
      if (t) return { text: t };
    }
  }
  return undefined;
}

/** Template-insensitive structural codes that say nothing clinical on their own. */
export const STRUCTURAL_CODES = new Set([
  'CONC', 'ASSERTION', '48765-2', '11450-4', '75310-3', '48768-6', '46680005', '74728-7', '8716-3', '86744-0', '85847-2', '29762-2',
  // problem types (the code of a Problem Observation says "this is a problem", not which one)
  '55607006', '404684003', '409586006', '282291009', '64572001', '248536006', '418799008', '373930000', '75321-0', '29308-4', '75326-9', '75318-6', '75315-2', '75319-4',
  // allergy types (say "an allergy", not to what)
  '419511003', '416098002', '59037007', '414285001', '235719002', '418471000', '426232007', '419199007', '418038007', '420134006', '418634005',
]);

/** True when one of the node's templateId roots matches. */
export const tmpl = (n: CdaNode | undefined, re: RegExp): boolean => kids(n, 'templateId').some((t) => re.test(attr(t, 'root') ?? ''));

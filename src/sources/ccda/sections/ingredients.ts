/**
 * A medicine named by what it contains. The European CDA profiles (eHDSI/epSOS `epsos:`, HL7 IPS
 * CDA `pharm:`; the parser drops the prefixes) describe a product by its active ingredients
 * (`ingredient[classCode=ACTI]/ingredient|ingredientSubstance/code|name`) and the class it belongs to
 * (`asSpecializedKind/generalizedMedicineClass|generalizedMaterialKind/code`, usually ATC), and
 * often leave `manufacturedMaterial/code` uncoded, pointing its originalText at the whole
 * narrative row. Without this the medicine was named by that row ("salbutamol | R03CC02 | 100
 * mcg/l | 2 | …") and carried no code.
 */
import type { CodeableConcept, Coding } from '@medplum/fhirtypes';
import type { CdaNode } from '../xml.js';
import { attr, elements, kid, kids } from '../xml.js';
import type { MapContext } from '../context.js';
import { compact, concept, textValue } from '../datatypes.js';

const nameOf = (n: CdaNode | undefined, ctx: MapContext): string | undefined => (n && !attr(n, 'nullFlavor') ? textValue(n, ctx) : undefined);

/** The active ingredients of a material: each substance's concept (code and/or name). */
function activeIngredients(mat: CdaNode, ctx: MapContext): CodeableConcept[] {
  const out: CodeableConcept[] = [];
  for (const ing of kids(mat, 'ingredient')) {
    const cls = attr(ing, 'classCode');
    if (cls && cls !== 'ACTI' && cls !== 'ACTIB' && cls !== 'ACTIM' && cls !== 'ACTIR') continue;
    // eHDSI nests the substance as ingredient/ingredient, IPS CDA as ingredient/ingredientSubstance.
    const substance = kid(ing, 'ingredient') ?? kid(ing, 'ingredientSubstance');
    const code = concept(kid(substance, 'code'), ctx);
    const name = nameOf(kid(substance, 'name'), ctx);
    if (code?.coding?.length || name) out.push(compact<CodeableConcept>({ coding: code?.coding, text: name ?? code?.text }));
  }
  return out;
}

/** The class codes a material is a kind of (asSpecializedKind → generalized…/code). */
function classCodings(mat: CdaNode, ctx: MapContext): { codings: Coding[]; name?: string } {
  const codings: Coding[] = [];
  let name: string | undefined;
  for (const ask of kids(mat, 'asSpecializedKind')) {
    for (const general of elements(ask)) {
      const c = concept(kid(general, 'code'), ctx);
      for (const x of c?.coding ?? []) if (!codings.some((y) => y.system === x.system && y.code === x.code)) codings.push(x);
      name ??= nameOf(kid(general, 'name'), ctx) ?? c?.text;
    }
  }
  return { codings, name };
}

/**
 * The concept of a product described only by its ingredients and class: the class codes, and the
 * ingredient's own codes when there is exactly one; named by the ingredients ("amlodipine +
 * perindopril"), else the class. Undefined when the material says neither.
 */
export function ingredientConcept(mat: CdaNode, ctx: MapContext): CodeableConcept | undefined {
  const ingredients = activeIngredients(mat, ctx);
  const cls = classCodings(mat, ctx);
  const codings = [...cls.codings];
  if (ingredients.length === 1) for (const x of ingredients[0].coding ?? []) if (!codings.some((y) => y.system === x.system && y.code === x.code)) codings.push(x);
  const names = ingredients.map((i) => i.text ?? i.coding?.find((c) => c.display)?.display).filter((x): x is string => !!x);
  const text = names.length ? names.join(' + ') : cls.name;
  if (!codings.length && !text) return undefined;
  return compact<CodeableConcept>({ coding: codings, text });
}

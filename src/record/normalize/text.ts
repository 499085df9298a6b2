/** Text folding shared by the code tables: lower case, accents and punctuation folded to spaces. */
export function fold(s: string | undefined): string {
  return (s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** Words of a folded text, minus filler words that say nothing about what a fact is. */
const STOP = new Set(['of', 'the', 'and', 'in', 'by', 'to', 'a', 'an', 'with', 'for', 'on', 'or', 'disorder', 'finding', 'procedure', 'situation', 'morphologic', 'abnormality', 'regime', 'therapy', 'nos', 'unspecified']);

export function words(s: string | undefined): string[] {
  return fold(s).split(' ').filter((w) => w && !STOP.has(w));
}

/** Jaccard overlap of two word lists, 0..1. */
export function overlap(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  return overlapSets(new Set(a), new Set(b));
}

/** overlap() of word lists already made sets (a block's pairwise comparisons make each set once). */
export function overlapSets(sa: ReadonlySet<string>, sb: ReadonlySet<string>): number {
  if (!sa.size || !sb.size) return 0;
  let common = 0;
  for (const w of sa) if (sb.has(w)) common++;
  return common / (sa.size + sb.size - common);
}

/**
 * SNOMED CT's fully specified names end in a semantic tag ("Acute bronchitis (disorder)",
 * "Encounter for check up (procedure)"), which Synthea and many EHRs send as the display. The tag
 * says which hierarchy a concept is in, not what happened: names are shown without it.
 */
const SEMANTIC_TAG = /\s+\((?:procedure|disorder|finding|situation|observable entity|regime\/therapy|body structure|substance|product|medicinal product|clinical drug|qualifier value|event|physical object|morphologic abnormality|record artifact|environment|assessment scale|specimen|organism|person)\)\s*$/i;

export function withoutSemanticTag(name: string): string {
  const t = name.replace(SEMANTIC_TAG, '');
  return t || name;
}

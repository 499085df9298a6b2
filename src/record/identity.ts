/**
 * Which person of the household a document is about. Pure: takes the hints a document states
 * and the people known, returns a decision. Identifiers win; otherwise name + birth date.
 * Two candidates, or a conflicting birth date, mean "ask the user", never a guess.
 */
import type { PersonHints } from '../core/types.js';

export interface KnownPerson {
  id: string;
  given?: string;
  family?: string;
  birthDate?: string;
  identifiers: Array<{ system?: string; value: string }>;
}

export type IdentityDecision =
  | { kind: 'match'; personId: string; by: 'identifier' | 'name-and-birth-date' | 'only-person-name' }
  | { kind: 'new' }
  | { kind: 'ambiguous'; candidates: string[]; reason: string }
  | { kind: 'none' };

const norm = (s?: string) =>
  (s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function firstGiven(h: { given?: string | string[] }): string {
  const g = Array.isArray(h.given) ? h.given.join(' ') : h.given;
  return norm(g).split(' ')[0] ?? '';
}

/** One identifier as a comparable key, "system|value" (an identifier without a system: "|value"). */
export function identifierKey(i: { system?: string; value: string }): string {
  return `${i.system ?? ''}|${i.value}`;
}

export function hasIdentity(h: PersonHints | undefined): boolean {
  return !!h && !!(h.family || h.name || h.given?.length || h.identifiers?.length);
}

export function decideIdentity(h: PersonHints | undefined, people: KnownPerson[]): IdentityDecision {
  if (!hasIdentity(h)) return { kind: 'none' };
  const hints = h!;
  const ids = new Set((hints.identifiers ?? []).map(identifierKey));
  const byId = people.filter((p) => p.identifiers.some((i) => ids.has(identifierKey(i))));
  // An identifier is only as unique as its issuer: "Patient/1" from two servers are two
  // people. A matching identifier with a different birth date or family name is no match.
  const conflicts = (p: KnownPerson) =>
    (!!hints.birthDate && !!p.birthDate && hints.birthDate.slice(0, 10) !== p.birthDate.slice(0, 10)) ||
    (!!hints.family && !!p.family && norm(hints.family) !== norm(p.family));
  if (byId.length === 1 && conflicts(byId[0])) {
    return { kind: 'ambiguous', candidates: [byId[0].id], reason: 'the identifier matches someone whose name or birth date differs' };
  }
  if (byId.length === 1) return { kind: 'match', personId: byId[0].id, by: 'identifier' };
  if (byId.length > 1) return { kind: 'ambiguous', candidates: byId.map((p) => p.id), reason: 'identifier shared by several people' };

  let family = norm(hints.family);
  let given = firstGiven(hints);
  if (!family && hints.name) {
    const parts = norm(hints.name).split(' ');
    family = parts[parts.length - 1] ?? '';
    given = parts[0] ?? '';
  }
  if (!family) return { kind: 'new' };
  const sameName = people.filter((p) => norm(p.family) === family && (!given || !p.given || firstGiven(p) === given));
  const sameBirth = sameName.filter((p) => hints.birthDate && p.birthDate && p.birthDate.slice(0, 10) === hints.birthDate.slice(0, 10));
  if (sameBirth.length === 1) return { kind: 'match', personId: sameBirth[0].id, by: 'name-and-birth-date' };
  if (sameBirth.length > 1) return { kind: 'ambiguous', candidates: sameBirth.map((p) => p.id), reason: 'several people share this name and birth date' };
  // Same name, birth date missing on one side: one candidate is a match, more need the user.
  const undated = sameName.filter((p) => !hints.birthDate || !p.birthDate);
  if (undated.length === 1) return { kind: 'match', personId: undated[0].id, by: 'only-person-name' };
  if (undated.length > 1) return { kind: 'ambiguous', candidates: undated.map((p) => p.id), reason: 'several people share this name' };
  return { kind: 'new' };
}

/**
 * Medications printed in lists, tables and narrative ("losartan 25 mg tablet  Take 1 tablet by
 * mouth daily", "Current medications: metformin 500 mg 1 tab PO BID; ...") become
 * MedicationStatements with the name and strength as printed and the sig as dosage text.
 */
import type { MedicationStatement } from '@medplum/fhirtypes';
import { cells, type Line } from './lines.js';

export interface MedRow {
  name: string;
  strength?: string;
  text: string;
  sig?: string;
  status?: MedicationStatement['status'];
  line: Line;
  tokens: string[];
}

const STRENGTH = /(\d[\d,]*(?:\.\d+)?\s*(?:mg|mcg|µg|ug|g|units?|IU|mEq|mL|%)(?:\s*\/\s*\d*(?:\.\d+)?\s*(?:mL|hr|h|actuation|dose|spray))?)(?![a-z])/i;
const MED_CELL = new RegExp(`^([A-Za-z][A-Za-z0-9 ()/,.'-]{1,60}?)\\s+${STRENGTH.source}(.*)$`, 'i');
const SIG_START = /^(?:take|inject|apply|inhale|dissolve|use|instill|place|insert|chew|give|spray|\d+\s*(?:tab|cap|puff|drop|unit)s?\b)/i;
const SIG_WORDS = /\b(?:PO|QD|BID|TID|QID|QHS|QAM|QPM|PRN|daily|nightly|by mouth|every|twice|once|as needed|at bedtime)\b/i;
const NOT_MED = /\b(?:total|cholesterol|glucose|hemoglobin|protein|dose\s+\d|vaccine|contrast|omnipaque|lot|claim|result|range|ratio|units?\s*$)/i;

function statusOf(s: string | undefined, section: string | undefined): MedicationStatement['status'] {
  const t = `${s ?? ''} ${section ?? ''}`.toLowerCase();
  if (/\b(?:stop|discontinu|d\/c)/.test(t)) return 'stopped';
  if (/\b(?:completed|finished)\b/.test(t)) return 'completed';
  if (/\bnew\b|\bstart\b/.test(t) && !/\bactive\b/.test(t)) return 'intended';
  return 'active';
}

function oneMed(cellText: string, line: Line, nextLine: string | undefined, section: string | undefined): MedRow | null {
  const m = MED_CELL.exec(cellText.trim());
  if (!m) return null;
  const name = m[1]!.replace(/[\s,(]+$/, '').trim();
  if (name.length < 3 || NOT_MED.test(name) || /:$/.test(name) || /^(?:dose|lot|cvx|page|age)\b/i.test(name)) return null;
  const strength = m[2]!.replace(/\s+/g, ' ').trim();
  let rest = (m[3] ?? '').trim();
  let sig: string | undefined;
  const restCells = rest.split(/\s{2,}/);
  const form = restCells[0] && !SIG_START.test(restCells[0]) ? restCells.shift() : undefined;
  const sigCell = restCells.find((c) => SIG_START.test(c) || SIG_WORDS.test(c));
  if (sigCell) sig = sigCell.trim();
  else if (form && (SIG_START.test(form.replace(/^\w+\s+/, '')) || SIG_WORDS.test(form))) sig = form.replace(/^(?:tablet|capsule|tab|cap)s?\s+/i, '').trim();
  else if (nextLine && SIG_START.test(nextLine.trim())) sig = nextLine.trim().split(/\s{2,}/)[0];
  rest = restCells.join(' ');
  const statusCell = /\b(active|discontinued|stopped|completed|new|changed|continue)\b/i.exec(rest)?.[1];
  const text = [name, strength, form && !sig?.startsWith(form) ? form : undefined].filter(Boolean).join(' ');
  return {
    name,
    strength,
    text: text.replace(/\s+/g, ' ').trim(),
    ...(sig ? { sig: sig.replace(/[;.]\s*$/, '') } : {}),
    status: statusOf(statusCell, section),
    line,
    tokens: [name, strength].join(' ').split(/\s+/),
  };
}

/** Medications in a run of lines. */
export function parseMedications(lines: Line[]): MedRow[] {
  const out: MedRow[] = [];
  let section: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text;
    if (!t.trim()) continue;
    if (/^\s*(?:NEW|CHANGED|CONTINUE|STOP|DISCONTINUED?)\b.*\b(?:medications?|taking)\b/i.test(t)) {
      section = t.trim();
      continue;
    }
    // Inline lists: "Current medications: a 10 mg ...; b 20 mg ...".
    const inline = /\b(?:current\s+)?medications?\s*:\s*(.+)$/i.exec(t);
    if (inline) {
      let body = inline[1]!;
      for (let j = i + 1; j < lines.length && !/\.\s*$/.test(body) && lines[j]!.text.trim() && !/:/.test(lines[j]!.text); j++) body += ' ' + lines[j]!.text.trim();
      for (const part of body.split(/;\s*/)) {
        const r = oneMed(part.replace(/\.\s*$/, ''), l, undefined, section);
        if (r) {
          const st = r.strength ?? '';
          const sig = part.slice(part.indexOf(st) + st.length).replace(/\.\s*$/, '').trim();
          out.push({ ...r, ...(sig ? { sig } : {}) });
        }
      }
      continue;
    }
    for (const c of cells(t)) {
      const r = oneMed(c.text + ' ' + t.slice(c.start + c.text.length), l, lines[i + 1]?.text, section);
      if (r) {
        // A sig wrapped onto the next lines of its column ("every 6" / "hours as needed").
        const sigAt = r.sig ? t.indexOf(r.sig) : -1;
        if (r.sig && sigAt > 0) {
          for (let j = i + 1; j < lines.length; j++) {
            const nx = lines[j]!.text;
            const cell = cells(nx).find((x) => Math.abs(x.start - sigAt) <= 2);
            if (!cell || STRENGTH.test(nx.slice(0, Math.max(0, sigAt))) || MED_CELL.test(nx.trim())) break;
            r.sig = `${r.sig} ${cell.text}`;
          }
        }
        out.push(r);
        break;
      }
    }
  }
  return out;
}

export function toMedicationStatement(m: MedRow, subject: MedicationStatement['subject'], date?: string): MedicationStatement {
  return {
    resourceType: 'MedicationStatement',
    status: m.status ?? 'active',
    medicationCodeableConcept: { text: m.text },
    subject,
    ...(date ? { dateAsserted: date } : {}),
    ...(m.sig ? { dosage: [{ text: m.sig }] } : {}),
  };
}

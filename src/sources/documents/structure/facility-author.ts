/**
 * Who made a document: the facility its letterhead names and its author or ordering provider. Pure.
 */
import { cells, type Line } from './lines.js';
import { cutName, parseName } from './person-name.js';

const ORG = /\b(?:clinic|hospital|medical|health|healthcare|laborator(?:y|ies)|labs?|diagnostics|radiology|imaging|center|centre|associates|group|practice|physicians|pediatrics|cardiology|dermatology|orthopedics|oncology|family medicine|internal medicine|specialists|health plan|insurance|mutual|assurance|blue cross|pharmacy|partners|institute|system|services)\b/i;

/** The facility named in the letterhead (first lines of the document). */
export function findFacility(lines: Line[]): string | undefined {
  const top = lines.filter((l) => l.text.trim()).slice(0, 10);
  for (const l of top) {
    for (const c of cells(l.text)) {
      const t = c.text.replace(/\s*[|•·].*$/, '').trim();
      if (t.length < 6 || t.length > 70 || /:/.test(t) || /\d{3}/.test(t)) continue;
      if (/^(?:laboratory services|patient|fax|facsimile|report status)/i.test(t)) continue;
      // A logo before the name is read as marks ("#4 Crestline Clinical Laboratories", "® Oak Health"):
      // leading tokens of symbols without letters are no part of it; a number alone is ("24 Hour Care").
      if (ORG.test(t)) return t.replace(/\s*-\s*$/, '').replace(/^(?:[^\sA-Za-z]*[^\sA-Za-z0-9][^\sA-Za-z]*\s+)+(?=[A-Za-z0-9])/, '');
    }
  }
  return undefined;
}

const AUTHOR_LABELS = [
  /\b(?:ordering|attending|referring|rendering)(?:\s+(?:physician|provider|md|doctor))?\s*:\s*/i,
  /\belectronically\s+signed\s+by\s*:?\s*/i,
  /\b(?:primary\s+)?provider\s*:\s*/i,
  /\bphysician\s*:\s*/i,
  /\bsigned\s+by\s*:?\s*/i,
];

/** The author / ordering provider of a document. */
export function findAuthor(lines: Line[]): string | undefined {
  for (const re of AUTHOR_LABELS) {
    for (const l of lines) {
      const m = re.exec(l.text);
      if (!m) continue;
      let raw = l.text.slice(m.index + m[0].length).split(/\s{2,}/)[0] ?? '';
      raw = raw.replace(/\s+(?:at|on)\s+\d.*$/i, '').replace(/,\s*(?:radiologist|attending).*$/i, '');
      const cred = /^([A-Za-z][A-Za-z'’. -]+?)(?:,\s*(MD|DO|NP|PA-C|PA|FNP|DNP|RN|MBBS|PhD))\b/.exec(raw);
      const name = cred ? cred[1]! : cutName(raw);
      const p = parseName(name);
      if (p) return cred ? `${p.name}, ${cred[2]}` : p.name;
    }
  }
  return undefined;
}

/**
 * The typed raw layer of HL7 v2: text → messages → segments with their line numbers, delimiters
 * from MSH-1/MSH-2, escape sequences decoded at the leaf (after splitting). Nothing here knows
 * FHIR. A batch (FHS/BHS … BTS/FTS) is split at each MSH; a message that cannot be read is
 * returned with `error` set so the caller reports it and keeps the others.
 *
 * Our own parser rather than @medplum/core's Hl7Message: we need segment line numbers, per-
 * message delimiters inside one batch, \X..\ hex and \.br\ formatting escapes, and messages
 * that keep going after a bad segment.
 */

import { trimEndOf } from '../../core/trim.js';

export interface Delimiters {
  field: string;
  component: string;
  repetition: string;
  /** Empty when MSH-2 declares no escape character. */
  escape: string;
  subcomponent: string;
}

export const DEFAULT_DELIMITERS: Delimiters = { field: '|', component: '^', repetition: '~', escape: '\\', subcomponent: '&' };

export interface RawSegment {
  /** Segment id, e.g. 'OBX'. */
  name: string;
  /**
   * Raw (undecoded) fields numbered as in the standard: fields[1] is PID-1. For MSH, fields[1]
   * is the field separator and fields[2] the encoding characters, so MSH-9 is fields[9].
   */
  fields: string[];
  /** 1-based line of the segment in the input. */
  line: number;
  /** 1-based occurrence of this segment id within its message (OBX[3] = the third OBX). */
  occurrence: number;
}

export interface RawMessage {
  /** 1-based position of the message in the input. */
  index: number;
  /** Line of its MSH (or of its first segment when MSH is missing). */
  line: number;
  delimiters: Delimiters;
  segments: RawSegment[];
  /** MSH-9.1, MSH-9.2, MSH-9.3 */
  type: string;
  trigger: string;
  structure: string;
  controlId: string;
  version: string;
  /** Set when the message cannot be read at all (no MSH, bad delimiters). */
  error?: string;
  /** Non-fatal problems met while splitting (bad segment ids). */
  warnings: Array<{ line: number; message: string }>;
}

export interface ParsedInput {
  messages: RawMessage[];
  /** Batch header/trailer segments (FHS, BHS, BTS, FTS) seen. */
  envelope: RawSegment[];
  lines: number;
}

const SEGMENT_ID = /^[A-Z][A-Z0-9]{2}$/;
const ENVELOPE = new Set(['FHS', 'BHS', 'BTS', 'FTS']);

/** Reads the delimiters from a header segment text (MSH, FHS or BHS): the 4th char and MSH-2. */
export function readDelimiters(header: string): Delimiters | string {
  const field = header.charAt(3);
  if (!field || /[A-Za-z0-9\s]/.test(field)) return `bad field separator ${JSON.stringify(field)} after ${header.slice(0, 3)}`;
  const end = header.indexOf(field, 4);
  const enc = end < 0 ? header.slice(4) : header.slice(4, end);
  if (enc.length < 2) return `bad encoding characters ${JSON.stringify(enc)} in ${header.slice(0, 3)}-2`;
  const [component, repetition, escape = '', subcomponent = ''] = enc;
  const all = [field, component, repetition, escape, subcomponent].filter(Boolean);
  if (new Set(all).size !== all.length || /[A-Za-z0-9\s]/.test(all.join(''))) return `bad encoding characters ${JSON.stringify(enc)} in ${header.slice(0, 3)}-2`;
  return { field, component, repetition, escape, subcomponent };
}

function splitSegment(text: string, line: number, d: Delimiters): RawSegment {
  const name = text.slice(0, 3);
  if (name === 'MSH' || name === 'FHS' || name === 'BHS') {
    // MSH-1 is the separator itself; MSH-2 the encoding characters (never split).
    const rest = text.slice(4).split(d.field);
    return { name, fields: [name, d.field, ...rest], line, occurrence: 0 };
  }
  return { name, fields: text.split(d.field), line, occurrence: 0 };
}

/** A line that opens a segment: a 3-character id then a delimiter (never a letter, digit or space) or the end. */
const SEGMENT_START = /^[A-Z][A-Z0-9]{2}([^A-Za-z0-9\s]|$)/;

/**
 * Splits input text into lines with their 1-based numbers (\r, \n or \r\n), dropping blank ones.
 *
 * The standard segment terminator is \r. In an input that uses it (alone or as \r\n), a bare \n is
 * a line break inside a field — a TX/FT result or a note typed on two lines, common in interface
 * engines' output — not a new segment: a bare-\n piece that does not open a segment is joined back
 * to the line before it (the field keeps its \n). Before this the rest of such a segment (the rest
 * of the text, units, range, status) was dropped as "not a segment". Inputs using \n alone cannot
 * tell a wrapped field from a stray line, so there such lines are still skipped with a warning.
 */
export function splitLines(text: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  const usesCr = text.includes('\r');
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let i = 0;
  let prevBreak = '';
  let last: { line: number; raw: string } | undefined;
  const flush = () => {
    // The end is trimmed by a loop: `[\x1c\x0b]+$` backtracks quadratically over a long run inside the line.
    if (last) out.push({ text: trimEndOf(last.raw.replace(/^[\s\x0b\x1c]+/, ''), '\x1c\x0b'), line: last.line });
    last = undefined;
  };
  const take = (piece: string, brk: string) => {
    const t = piece.replace(/^\uFEFF/, '');
    const lineNo = ++i;
    if (usesCr && prevBreak === '\n' && last && t.trim() && !SEGMENT_START.test(t.replace(/^[\s\x0b\x1c]+/, ''))) {
      last.raw += `\n${t}`;
    } else if (t.trim()) {
      flush();
      last = { line: lineNo, raw: t };
    }
    prevBreak = brk;
  };
  for (let m = re.exec(text); m; m = re.exec(text)) {
    take(text.slice(start, m.index), m[0]);
    start = m.index + m[0].length;
  }
  take(text.slice(start), '');
  flush();
  return out;
}

function newMessage(index: number, line: number, d: Delimiters): RawMessage {
  return { index, line, delimiters: d, segments: [], type: '', trigger: '', structure: '', controlId: '', version: '', warnings: [] };
}

function finish(m: RawMessage): RawMessage {
  const counts = new Map<string, number>();
  for (const s of m.segments) {
    const n = (counts.get(s.name) ?? 0) + 1;
    counts.set(s.name, n);
    s.occurrence = n;
  }
  const msh = m.segments[0]?.name === 'MSH' ? m.segments[0] : undefined;
  if (msh && !m.error) {
    const t = firstRep(msh.fields[9] ?? '', m.delimiters).split(m.delimiters.component).map((c) => unescapeHl7(split(c, m.delimiters.subcomponent)[0], m.delimiters).trim());
    m.type = (t[0] ?? '').toUpperCase();
    m.trigger = (t[1] ?? '').toUpperCase();
    m.structure = (t[2] ?? '').toUpperCase();
    m.controlId = unescapeHl7(firstRep(msh.fields[10] ?? '', m.delimiters), m.delimiters);
    m.version = unescapeHl7(firstRep(msh.fields[12] ?? '', m.delimiters).split(m.delimiters.component)[0], m.delimiters);
  }
  return m;
}

const firstRep = (raw: string, d: Delimiters) => raw.split(d.repetition)[0];
/** Splits on a delimiter that may be absent (MSH-2 can declare only some of them). */
const split = (s: string, ch: string): string[] => (ch ? s.split(ch) : [s]);

/** Splits a whole input (one message or a batch) into messages. Never throws. */
export function parseHl7(text: string): ParsedInput {
  const lines = splitLines(text);
  const messages: RawMessage[] = [];
  const envelope: RawSegment[] = [];
  let d: Delimiters = DEFAULT_DELIMITERS;
  let cur: RawMessage | undefined;
  const close = () => {
    if (cur) messages.push(finish(cur));
    cur = undefined;
  };
  for (const { text: t, line } of lines) {
    const id = t.slice(0, 3);
    if (id === 'MSH' || (ENVELOPE.has(id) && (t.length === 3 || !/[A-Za-z0-9]/.test(t.charAt(3))))) {
      if (id === 'MSH' || id === 'FHS' || id === 'BHS') {
        const got = readDelimiters(t);
        if (typeof got === 'string') {
          if (id === 'MSH') {
            close();
            cur = newMessage(messages.length + 1, line, d);
            cur.error = got;
          }
          continue;
        }
        d = got;
      }
      if (id === 'MSH') {
        close();
        cur = newMessage(messages.length + 1, line, d);
        cur.segments.push(splitSegment(t, line, d));
      } else {
        close();
        envelope.push(splitSegment(t, line, d));
      }
      continue;
    }
    const sep = t.charAt(3);
    const looksLikeSegment = SEGMENT_ID.test(id) && (t.length === 3 || sep === d.field);
    if (!cur) {
      // Segments before any MSH: a message without header (reported, not read).
      cur = newMessage(messages.length + 1, line, d);
      cur.error = `no MSH segment: the message starts with ${JSON.stringify(t.slice(0, 8))} at line ${line}`;
    }
    if (cur.error) continue;
    if (!looksLikeSegment) {
      cur.warnings.push({ line, message: `line ${line}: ${JSON.stringify(t.slice(0, 12))} is not a segment (expected a 3-character id and "${d.field}"); skipped` });
      continue;
    }
    cur.segments.push(splitSegment(t, line, d));
  }
  close();
  return { messages, envelope, lines: lines.length ? lines[lines.length - 1].line : 0 };
}

const FORMATTING: Record<string, string> = { '.br': '\n', '.sp': '\n', '.fi': '', '.nf': '', '.in': '', '.ti': '', '.ce': '', '.sk': ' ', H: '', N: '' };

/** Decodes HL7 escape sequences (\F\ \S\ \T\ \R\ \E\ \Xhh..\ \.br\ …) in one leaf value. */
export function unescapeHl7(s: string, d: Delimiters): string {
  const e = d.escape;
  if (!e || !s.includes(e)) return s;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c !== e) {
      out += c;
      i++;
      continue;
    }
    const end = s.indexOf(e, i + 1);
    if (end < 0) {
      out += s.slice(i);
      break;
    }
    const code = s.slice(i + 1, end);
    let rep: string | undefined;
    if (code === 'F') rep = d.field;
    else if (code === 'S') rep = d.component;
    else if (code === 'T') rep = d.subcomponent;
    else if (code === 'R') rep = d.repetition;
    else if (code === 'E') rep = e;
    else if (/^X([0-9A-Fa-f]{2})+$/.test(code)) rep = Buffer.from(code.slice(1), 'hex').toString('latin1');
    else if (/^\.(sp|in|ti|sk)[+-]?\d*$/.test(code)) rep = FORMATTING[code.slice(0, 3)];
    else if (code in FORMATTING) rep = FORMATTING[code];
    else if (/^[CMZ]/.test(code)) rep = '';
    if (rep === undefined) {
      // Not an escape sequence: keep the text, escape character included.
      out += c;
      i++;
      continue;
    }
    out += rep;
    i = end + 1;
  }
  return out;
}

/** One repetition of a field: components, each a list of decoded subcomponents. */
export type Rep = string[][];

/** A segment with typed accessors bound to its message's delimiters. */
export class Seg {
  constructor(
    readonly raw: RawSegment,
    readonly d: Delimiters,
  ) {}

  get name(): string {
    return this.raw.name;
  }
  get line(): number {
    return this.raw.line;
  }
  /** `OBX[3]`. */
  get ref(): string {
    return `${this.raw.name}[${this.raw.occurrence}]`;
  }

  /** Raw text of field n (undecoded, all repetitions). */
  rawField(n: number): string {
    if (this.raw.name === 'MSH' && n <= 2) return this.raw.fields[n] ?? '';
    return this.raw.fields[n] ?? '';
  }

  /** All repetitions of field n, split and decoded; empty repetitions dropped. */
  reps(n: number): Rep[] {
    const raw = this.rawField(n);
    if (!raw) return [];
    if (this.raw.name === 'MSH' && n <= 2) return [[[raw]]];
    const d = this.d;
    return raw
      .split(d.repetition)
      .filter((r) => r !== '' && r !== '""')
      .map((r) => r.split(d.component).map((c) => split(c, d.subcomponent).map((x) => unescapeHl7(x, d))));
  }

  /** First repetition of field n (empty when absent). */
  rep(n: number): Rep {
    return this.reps(n)[0] ?? [];
  }

  /** Decoded component c (1-based), subcomponent s, of the first repetition of field n; '' when absent. */
  get(n: number, c = 1, s = 1): string {
    return comp(this.rep(n), c, s);
  }

  /** Field n as plain text: repetitions joined by newline, components by the component character. */
  text(n: number): string {
    const raw = this.rawField(n);
    if (!raw || raw === '""') return '';
    const d = this.d;
    return raw
      .split(d.repetition)
      .map((r) => r.split(d.component).map((c) => split(c, d.subcomponent).map((x) => unescapeHl7(x, d)).join(d.subcomponent)).join(d.component).replace(new RegExp(`\\${d.component}+$`), ''))
      .join('\n')
      .trim();
  }
}

/** Component c (1-based), subcomponent s of a repetition; trimmed, '' when absent or `""`. */
export function comp(r: Rep | undefined, c: number, s = 1): string {
  const v = (r?.[c - 1]?.[s - 1] ?? '').trim();
  return v === '""' ? '' : v;
}

/** Wraps a parsed message's segments in accessors. */
export function segments(m: RawMessage): Seg[] {
  return m.segments.map((s) => new Seg(s, m.delimiters));
}

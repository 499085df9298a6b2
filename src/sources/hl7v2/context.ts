/**
 * What the per-family mappers share while one message is mapped: deterministic resource ids
 * (message ordinal + segment occurrence, so re-importing the same file gives the same ids), the
 * subject key and references to the message's Patient and Encounter, and the output lists.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { ChildFile, ExtractedPage, ExtractedResource, ExtractionIssue } from '../../core/types.js';
import type { Ref } from './datatypes.js';
import type { RawMessage, Seg } from './parse.js';

export class MessageContext {
  readonly resources: ExtractedResource[] = [];
  readonly issues: ExtractionIssue[] = [];
  readonly pages: ExtractedPage[] = [];
  readonly children: ChildFile[] = [];
  /** Key into Extraction.subjects of this message's patient. */
  subject?: string;
  patientRef?: Ref;
  encounterRef?: Ref;

  /** The patient reference for elements FHIR requires (a display-only reference when the message has no PID). */
  get requiredPatient(): Ref {
    return this.patientRef ?? { display: 'patient not identified in the message' };
  }

  constructor(
    readonly msg: RawMessage,
    readonly segs: Seg[],
    /** Id prefix unique within the input, e.g. `m2`. */
    readonly prefix = `m${msg.index}`,
    /** First page number free for this message's pages. */
    public nextPage = 1,
  ) {}

  /** A stable id for the resource made from a segment: `m1-obx3`. */
  id(seg: Seg, suffix = ''): string {
    return `${this.prefix}-${seg.name.toLowerCase()}${seg.raw.occurrence}${suffix}`;
  }

  ref(resourceType: string, seg: Seg, suffix = ''): Ref {
    return { reference: `${resourceType}/${this.id(seg, suffix)}` };
  }

  add<T extends Resource>(resource: T, seg: Seg): T {
    this.resources.push({ resource, location: { segment: seg.ref, line: seg.line }, ...(this.subject ? { subject: this.subject } : {}) });
    return resource;
  }

  issue(severity: ExtractionIssue['severity'], code: string, message: string, seg?: Seg): void {
    const where = seg ? `message ${this.msg.index} ${seg.ref} (line ${seg.line})` : `message ${this.msg.index}`;
    this.issues.push({ severity, code, message: `${where}: ${message}`, location: seg ? { segment: seg.ref, line: seg.line } : { line: this.msg.line } });
  }

  /** Segments of the message with the given id(s), in order. */
  all(...names: string[]): Seg[] {
    return this.segs.filter((s) => names.includes(s.name));
  }

  first(name: string): Seg | undefined {
    return this.segs.find((s) => s.name === name);
  }
}

/** Removes undefined, empty strings, empty arrays and empty objects (FHIR forbids empty elements). */
export function prune<T>(v: T): T {
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) {
      const a = x.map(walk).filter((y) => y !== undefined);
      return a.length ? a : undefined;
    }
    if (x && typeof x === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, y] of Object.entries(x)) {
        const w = walk(y);
        if (w !== undefined) o[k] = w;
      }
      return Object.keys(o).length ? o : undefined;
    }
    if (x === '' || x === null) return undefined;
    return x;
  };
  return (walk(v) ?? {}) as T;
}

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

/** Empty elements out (FHIR forbids them); the same rule for every source. */
import { pruneEmpty as prune } from '../../core/prune.js';
export { prune };

/**
 * The read models the web app shows, as JSON. Shared by the server (src/views, routes) and
 * the web app's typed API client (web/src/api.ts imports these types only).
 */

/** Where a fact came from: the document, and the spot inside it. */
export interface SourceRef {
  documentId: string;
  filename: string;
  /** The document's title or type label (e.g. "Discharge summary"). */
  title?: string;
  /** The document's own date (date of service), when it states one. */
  date?: string;
  facility?: string;
  page?: number;
  line?: number;
  entryId?: string;
}

/** One item of a list (a medication, a problem, a visit…) with its source. */
export interface Fact {
  id: string;
  resourceType: string;
  date?: string;
  title: string;
  detail?: string;
  status?: string;
  source: SourceRef;
  /**
   * Lists from the merged record: the item this line stands for, the sources that say it
   * (one per document, display source first, a few at most), how many received resources
   * it merges, and where its sources disagree.
   */
  merged?: { itemId: string; sources: SourceRef[]; sourceCount: number; conflicts: string[]; doses?: DoseStep[] };
}

/**
 * One dose of a medication over time: the merged items of the same ingredient(s) differ by
 * strength, so together, oldest first, they are the medication's dose history. The display is
 * the item's own (its strength as its source printed it).
 */
export interface DoseStep {
  itemId: string;
  display: string;
  date?: string;
}

export type LabFlag = 'H' | 'L' | 'HH' | 'LL' | 'A' | 'N';

export interface LabPoint {
  resourceId: string;
  date?: string;
  value?: number;
  /** The value as the source wrote it (text results, or a value in another unit). */
  display: string;
  unit?: string;
  /** The value as the source wrote it, when it was converted into the group's unit. */
  original?: string;
  low?: number;
  high?: number;
  rangeText?: string;
  flag?: LabFlag;
  source: SourceRef;
}

export interface LabGroup {
  /** `loinc:<code>` or `name:<normalised name>`. */
  key: string;
  loinc?: string;
  name: string;
  /** The unit most points use; the chart plots points in this unit. */
  unit?: string;
  latest: LabPoint;
  /** How many results the group holds (the overview sends only the latest point). */
  count: number;
  /** Oldest first. */
  points: LabPoint[];
}

export interface AttentionItem {
  kind: 'failed' | 'unsupported' | 'needs-person' | 'in-progress';
  documentId?: string;
  filename?: string;
  /** What happened, in plain words. */
  message: string;
  /** What the user can do about it. */
  action: string;
}

export interface PersonSummary {
  id: string;
  displayName: string;
  birthDate?: string;
  gender?: string;
}

export interface HomeView {
  person: PersonSummary;
  counts: { documents: number; resources: number; byType: Record<string, number> };
  attention: AttentionItem[];
  /** Merged items whose sources disagree (reviewed on the Conflicts page). */
  conflicts: number;
  vitals: LabGroup[];
  problems: Fact[];
  medications: Fact[];
  allergies: Fact[];
  /** Documents received most recently. */
  recentDocuments: Array<{ id: string; filename: string; title?: string; date?: string; state: string; createdAt: string }>;
}

export type Granularity = 'year' | 'month' | 'day';

export interface TimelineBucket {
  /** `2019`, `2019-03` or `2019-03-14`. */
  key: string;
  count: number;
  byType: Record<string, number>;
}

export interface TimelineItem {
  kind: 'resource' | 'document';
  id: string;
  type: string;
  date: string;
  title: string;
  detail?: string;
  source: SourceRef;
}

export interface TimelineView {
  granularity: Granularity;
  from?: string;
  to?: string;
  buckets: TimelineBucket[];
  /** Counts per type within the range, all types (for the filter). */
  types: Record<string, number>;
  /** The person's documents per channel they came in by (`upload`, `smart`, `cli`…), for the source filter. */
  channels: Record<string, number>;
  /** The person's documents per facility their label names, for the facility filter. */
  facilities: Record<string, number>;
  items: TimelineItem[];
  total: number;
}

export type ListKind = 'medications' | 'problems' | 'allergies' | 'immunizations' | 'procedures' | 'visits' | 'vitals' | 'labs-reports' | 'family-history' | 'social-history';

export interface ListView {
  kind: ListKind;
  items: Fact[];
  total: number;
}

/** The word boxes of one page of a document (GET /api/documents/:id/pages/:n/words). */
export interface PageLayout {
  page: number;
  /** The size of the space `words` boxes are given in (page pixels or PDF points); the page picture has the same proportions. */
  width?: number;
  height?: number;
  words: Array<{ text: string; box: [number, number, number, number]; confidence?: number }>;
  /** The page was read turned this far clockwise; its picture is drawn turned the same way (upright). */
  turned?: number;
}

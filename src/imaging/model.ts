/**
 * The imaging read model as JSON: a person's studies (one per Study Instance UID) with their
 * series and instances, and the radiology reports linked to them. Shared by the server and
 * the web app (type-only imports there).
 */

/** A document a study, instance or report came from. */
export interface ImagingSource {
  documentId: string;
  filename: string;
}

export interface InstanceView {
  sopInstanceUid: string;
  number?: number;
  sopClassUid?: string;
  /** False for objects without pixels to show (SR, encapsulated PDF, presentation states). */
  image: boolean;
  /** The DICOM file holding this instance (absent: only a DICOMDIR lists it, the file is missing). */
  documentId?: string;
  filename?: string;
}

export interface SeriesView {
  uid: string;
  number?: number;
  modality?: string;
  description?: string;
  bodySite?: string;
  laterality?: string;
  started?: string;
  /** Instances the series declares (DICOMDIR or files), and how many have their file here. */
  numberOfInstances: number;
  numberOfImages: number;
  /** Ordered by instance number, then UID. */
  instances: InstanceView[];
  /** PNG of the middle image, small; absent when no image file is present. */
  thumbnailUrl?: string;
}

/** How a report was matched to a study, strongest first. */
export type LinkReason = 'study-uid' | 'accession' | 'date-and-words';

/** A radiology report: a DiagnosticReport resource, or a whole document (a fax labelled as one). */
export interface ReportIdentity {
  kind: 'resource' | 'document';
  /** Resource id (kind resource) or document id (kind document). */
  id: string;
  documentId: string;
  filename: string;
  title: string;
  /** YYYY-MM-DD (or longer) of the examination or the report. */
  date?: string;
}

/** A report as a study shows it. */
export interface ReportRef extends ReportIdentity {
  /** The first words of the report's text (conclusion or page text). */
  excerpt?: string;
  reason: LinkReason;
}

export interface StudySummary {
  studyUid: string;
  accession?: string;
  description?: string;
  /** FHIR date or dateTime of the study. */
  started?: string;
  modalities: string[];
  bodySites: string[];
  referrer?: string;
  numberOfSeries: number;
  numberOfInstances: number;
  /** Instances whose file is present (what can be shown). */
  numberOfImages: number;
  /** DICOMDIRs that list the study, and how many instance files were imported. */
  directories: ImagingSource[];
  fileCount: number;
  reports: ReportRef[];
}

export interface StudyListItem extends StudySummary {
  series: Array<Omit<SeriesView, 'instances'>>;
}

export interface StudyDetail extends StudySummary {
  series: SeriesView[];
}

/** A study as a document's page shows it: the study a report belongs to, or the study a DICOM file or DICOMDIR holds. */
export interface LinkedStudy {
  personId: string;
  studyUid: string;
  description?: string;
  started?: string;
  modalities: string[];
  /** `contains`: the document is one of the study's files or its directory. */
  reason: LinkReason | 'contains';
  /** The report (resource id or document id) the link belongs to; absent for `contains`. */
  reportId?: string;
}

/** Key attributes of one DICOM file for the viewer. */
export interface DicomTags {
  frames: number;
  rows?: number;
  columns?: number;
  transferSyntax: string;
  transferSyntaxName?: string;
  /** False when this server cannot decode the pixel data (with the reason). */
  decodable: boolean;
  reason?: string;
  windowCenter?: number;
  windowWidth?: number;
  tags: Array<{ tag: string; name: string; value: string }>;
}

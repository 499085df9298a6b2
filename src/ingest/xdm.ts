/**
 * IHE XDM (ITI TF-1 §16, TF-3 §4.2): a zip with `IHE_XDM/<SUBSET>/METADATA.XML`, an ebRIM
 * SubmitObjectsRequest describing each document of the subset (XDS DocumentEntry: title,
 * author, creation time, class/type/format codes, patient id, and the URI of its file,
 * relative to the METADATA.XML folder). This reads it into plain entries so the importer can
 * label the files it describes. Pure; the XML is read with the same hardening as C-CDA.
 */
import { parseXmlTree, attr, kid, kids, type CdaNode } from '../sources/ccda/xml.js';
import { toFhirDate, toFhirDateTime } from '../sources/ccda/dates.js';

/** XDS classification and identification schemes (ITI TF-3 Table 4.2.5-1). */
const SCHEME = {
  author: 'urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d',
  classCode: 'urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a',
  typeCode: 'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983',
  formatCode: 'urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d',
  facilityType: 'urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1',
  practiceSetting: 'urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead',
  patientId: 'urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427',
  uniqueId: 'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab',
  submissionAuthor: 'urn:uuid:a7058bb9-b4e4-4316-ba5b-37e0d6fb9f4c',
  submissionPatientId: 'urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446',
} as const;

export interface XdmCode {
  code: string;
  system?: string;
  display?: string;
}

export interface XdmAuthor {
  person?: string;
  institution?: string;
  role?: string;
  specialty?: string;
}

export interface XdmDocumentEntry {
  entryUuid?: string;
  /** The file, relative to the METADATA.XML folder (the `URI` slot). */
  uri?: string;
  title?: string;
  comments?: string;
  /** FHIR date/dateTime from `creationTime` (XDS times are UTC). */
  date?: string;
  serviceStart?: string;
  serviceStop?: string;
  authors: XdmAuthor[];
  classCode?: XdmCode;
  typeCode?: XdmCode;
  formatCode?: XdmCode;
  facilityType?: XdmCode;
  practiceSetting?: XdmCode;
  mimeType?: string;
  /** CX as sent, e.g. `12345^^^&1.2.3&ISO`. */
  patientId?: string;
  sourcePatientId?: string;
  uniqueId?: string;
  hash?: string;
  size?: number;
}

export interface XdmSubmission {
  title?: string;
  date?: string;
  authors: XdmAuthor[];
  patientId?: string;
}

export type XdmMetadata = { ok: true; documents: XdmDocumentEntry[]; submission?: XdmSubmission } | { ok: false; message: string };

const all = (n: CdaNode, name: string): CdaNode[] => {
  const out: CdaNode[] = [];
  const walk = (x: CdaNode) => {
    for (const c of x.children) {
      if (c.name === name) out.push(c);
      else if (c.name !== '#text') walk(c);
    }
  };
  walk(n);
  return out;
};

const text = (n: CdaNode | undefined): string => (n ? n.children.map((c) => (c.name === '#text' ? c.text : text(c))).join('') : '').trim();

function slotValues(n: CdaNode, name: string): string[] {
  const slot = kids(n, 'Slot').find((s) => attr(s, 'name') === name);
  return slot ? kids(kid(slot, 'ValueList'), 'Value').map(text).filter(Boolean) : [];
}
const slot = (n: CdaNode, name: string) => slotValues(n, name)[0];

/** `Name` / `Description` → its first LocalizedString value. */
const localized = (n: CdaNode, name: string) => attr(kid(kid(n, name), 'LocalizedString'), 'value');

/** XDS DTM (YYYY[MM[DD[hh[mm[ss]]]]], UTC) → FHIR date or dateTime. */
export function xdsTime(v: string | undefined): string | undefined {
  if (!v || !/^\d{4,14}$/.test(v.trim())) return undefined;
  const t = v.trim();
  return t.length > 8 ? toFhirDateTime(`${t}+0000`) : toFhirDate(t);
}

/** XCN `id^Family^Given^Middle^Suffix^Prefix` → "Prefix Given Middle Family Suffix"; plain text stays. */
export function xcnName(v: string | undefined): string | undefined {
  if (!v) return undefined;
  if (!v.includes('^')) return v.trim() || undefined;
  const [id, family, given, middle, suffix, prefix] = v.split('^').map((s) => s.split('&')[0].trim());
  const name = [prefix, given, middle, family, suffix].filter(Boolean).join(' ');
  return name || id || undefined;
}

/** XON `Name^^^^^^^^^id` → the name. */
const xonName = (v: string | undefined) => v?.split('^')[0].trim() || undefined;

function authorsOf(n: CdaNode, scheme: string): XdmAuthor[] {
  return kids(n, 'Classification')
    .filter((c) => attr(c, 'classificationScheme') === scheme)
    .map((c) => {
      const a: XdmAuthor = {};
      const person = xcnName(slot(c, 'authorPerson'));
      const institution = xonName(slot(c, 'authorInstitution'));
      const role = slot(c, 'authorRole')?.split('^')[0];
      const specialty = slot(c, 'authorSpecialty')?.split('^')[0];
      if (person) a.person = person;
      if (institution) a.institution = institution;
      if (role) a.role = role;
      if (specialty) a.specialty = specialty;
      return a;
    })
    .filter((a) => Object.keys(a).length > 0);
}

function codeOf(n: CdaNode, scheme: string): XdmCode | undefined {
  const c = kids(n, 'Classification').find((x) => attr(x, 'classificationScheme') === scheme);
  const code = attr(c, 'nodeRepresentation');
  if (!c || !code) return undefined;
  const out: XdmCode = { code };
  const system = slot(c, 'codingScheme');
  const display = localized(c, 'Name');
  if (system) out.system = system;
  if (display) out.display = display;
  return out;
}

const externalId = (n: CdaNode, scheme: string) => attr(kids(n, 'ExternalIdentifier').find((x) => attr(x, 'identificationScheme') === scheme), 'value');

/** A URI longer than 128 characters is split over values `1|…`, `2|…` (ITI TF-3 4.2.3.2.24). */
function uriOf(n: CdaNode): string | undefined {
  const values = slotValues(n, 'URI');
  if (values.length > 1 && values.every((v) => /^\d+\|/.test(v))) {
    return values
      .map((v) => [Number(v.slice(0, v.indexOf('|'))), v.slice(v.indexOf('|') + 1)] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, s]) => s)
      .join('');
  }
  return values[0];
}

function documentEntry(e: CdaNode): XdmDocumentEntry {
  const d: XdmDocumentEntry = { authors: authorsOf(e, SCHEME.author) };
  const set = <K extends keyof XdmDocumentEntry>(k: K, v: XdmDocumentEntry[K] | undefined) => {
    if (v !== undefined && v !== '') d[k] = v;
  };
  set('entryUuid', attr(e, 'id'));
  set('uri', uriOf(e));
  set('title', localized(e, 'Name'));
  set('comments', localized(e, 'Description'));
  set('date', xdsTime(slot(e, 'creationTime')));
  set('serviceStart', xdsTime(slot(e, 'serviceStartTime')));
  set('serviceStop', xdsTime(slot(e, 'serviceStopTime')));
  set('classCode', codeOf(e, SCHEME.classCode));
  set('typeCode', codeOf(e, SCHEME.typeCode));
  set('formatCode', codeOf(e, SCHEME.formatCode));
  set('facilityType', codeOf(e, SCHEME.facilityType));
  set('practiceSetting', codeOf(e, SCHEME.practiceSetting));
  set('mimeType', attr(e, 'mimeType'));
  set('patientId', externalId(e, SCHEME.patientId));
  set('sourcePatientId', slot(e, 'sourcePatientId'));
  set('uniqueId', externalId(e, SCHEME.uniqueId));
  set('hash', slot(e, 'hash'));
  const size = Number(slot(e, 'size'));
  if (Number.isFinite(size) && size >= 0 && slot(e, 'size')) d.size = size;
  return d;
}

/** Reads METADATA.XML; never throws. */
export function parseXdmMetadata(xml: string): XdmMetadata {
  const tree = parseXmlTree(xml);
  if (!tree.ok) return { ok: false, message: tree.message };
  const root = tree.top.find((n) => n.name !== '#text');
  if (!root) return { ok: false, message: 'no XML element found' };
  const documents = all(root, 'ExtrinsicObject').map(documentEntry);
  const pkg = all(root, 'RegistryPackage')[0];
  if (!documents.length && !pkg) return { ok: false, message: `<${root.name}> holds no XDS document entries (ExtrinsicObject)` };
  let submission: XdmSubmission | undefined;
  if (pkg) {
    submission = { authors: authorsOf(pkg, SCHEME.submissionAuthor) };
    const title = localized(pkg, 'Name');
    const date = xdsTime(slot(pkg, 'submissionTime'));
    const patientId = externalId(pkg, SCHEME.submissionPatientId);
    if (title) submission.title = title;
    if (date) submission.date = date;
    if (patientId) submission.patientId = patientId;
  }
  return submission ? { ok: true, documents, submission } : { ok: true, documents };
}

/** True for the metadata file of an XDM subset. */
export const isXdmMetadata = (entryName: string) => /(^|\/)METADATA\.XML$/i.test(entryName);

/** The folder of an entry, with a trailing slash ('' at the root). */
export const folderOf = (entryName: string) => entryName.slice(0, entryName.lastIndexOf('/') + 1);

/**
 * The document entry describing a zip entry: its URI resolved against the METADATA.XML
 * folder (case-insensitively: XDM media are written by DOS-era tools), or a URI that is the
 * entry's whole path.
 */
export function entryFor(entryName: string, metadataFolder: string, documents: XdmDocumentEntry[]): XdmDocumentEntry | undefined {
  const want = entryName.toLowerCase();
  return documents.find((d) => {
    if (!d.uri) return false;
    const uri = d.uri.replace(/^\.\//, '').replace(/\\/g, '/').toLowerCase();
    return `${metadataFolder.toLowerCase()}${uri}` === want || uri === want;
  });
}

/** What a document's label shows from its entry: title, date, author (person, else institution). */
export function labelFrom(d: XdmDocumentEntry): { title?: string; date?: string; author?: string } {
  const out: { title?: string; date?: string; author?: string } = {};
  if (d.title) out.title = d.title;
  // The document's own date (creationTime), as a C-CDA's effectiveTime is; else when the care began.
  const date = d.date ?? d.serviceStart;
  if (date) out.date = date;
  const a = d.authors[0];
  const author = a ? [a.person, a.institution].filter(Boolean).join(', ') : undefined;
  if (author) out.author = author;
  return out;
}

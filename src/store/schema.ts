/**
 * Table shapes as Kysely sees them. Both dialects store the same columns; timestamps are
 * ISO-8601 text and JSON is text in both, so rows read back identically whichever runs.
 */
import type { Generated } from 'kysely';

export interface PeopleTable {
  id: string;
  display_name: string;
  given: string | null;
  family: string | null;
  birth_date: string | null;
  gender: string | null;
  identifiers_json: string;
  created_at: string;
}

export interface DocumentsTable {
  id: string;
  sha256: string;
  person_id: string | null;
  parent_id: string | null;
  channel: string;
  filename: string;
  format: string;
  size: number;
  state: string;
  error: string | null;
  issues_json: string;
  label_json: string;
  created_at: string;
  updated_at: string;
  /** The account that brought the document in; '' for the operator's command-line imports. */
  scope: string;
}

export interface ResourcesTable {
  id: string;
  person_id: string | null;
  document_id: string;
  resource_type: string;
  source_id: string | null;
  date: string | null;
  codes: string;
  text: string;
  json: string;
  created_at: string;
}

export interface ProvenanceTable {
  resource_id: string;
  document_id: string;
  page: number | null;
  box_json: string | null;
  xpath: string | null;
  entry_id: string | null;
  segment: string | null;
  line: number | null;
  path: string | null;
}

export interface PagesTable {
  document_id: string;
  page_no: number;
  text: string;
  method: string;
  confidence: number | null;
  layout_json: string | null;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload_json: string;
  state: string;
  attempts: number;
  max_attempts: number;
  dedupe_key: string | null;
  locked_by: string | null;
  heartbeat_at: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  person_id: string | null;
  target: string | null;
  detail_json: string;
  ip: string | null;
  account_id: string | null;
}

export interface RecordFactsTable {
  id: string;
  resource_id: string;
  document_id: string;
  person_id: string;
  kind: string;
  block: string;
  json: string;
}

export interface RecordItemsTable {
  id: string;
  person_id: string;
  kind: string;
  block: string;
  date: string | null;
  display: string;
  conflicts: number;
  json: string;
  /** Per-source fields for appending a fact without re-reading the block (src/record/reconcile/append.ts); null for kinds rebuilt by block. */
  state: string | null;
}

/** A block whose items must be rebuilt from its facts (the reconcile job clears it). */
export interface RecordDirtyTable {
  person_id: string;
  kind: string;
  block: string;
  gen: Generated<number>;
}

/** One match key of a merged item (kinds that take appended facts). */
export interface RecordItemKeysTable {
  person_id: string;
  kind: string;
  block: string;
  key: string;
  item_id: string;
}

export interface RecordSourcesTable {
  document_id: string;
  person_id: string | null;
  seen: string;
  /** The normalization version the document's facts were made with (NULL: before migration 0018). */
  normalized: string | null;
}

export interface RecordDecisionsTable {
  id: string;
  person_id: string;
  kind: string;
  action: string;
  resource_ids_json: string;
  block: string | null;
  created_at: string;
}

/** A SMART on FHIR connection (src/smart/). `tokens_enc` is sealed with the vault key. */
export interface SmartConnectionsTable {
  id: string;
  fhir_base_url: string;
  client_id: string;
  patient_id: string | null;
  fhir_user: string | null;
  scope: string | null;
  status: string;
  tokens_enc: string | null;
  server_json: string;
  cursor_json: string | null;
  progress_json: string | null;
  since: string | null;
  last_sync_started_at: string | null;
  last_sync_at: string | null;
  last_counts_json: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
  account_id: string | null;
}

/** A SMART authorization in flight: `state` → sealed PKCE verifier (src/smart/). */
export interface SmartAuthorizationsTable {
  state: string;
  connection_id: string | null;
  fhir_base_url: string;
  client_id: string;
  redirect_uri: string;
  verifier_enc: string;
  server_json: string;
  created_at: string;
  account_id: string | null;
}

/** A SMART Health Link (src/share/). `key_enc` is the link's key sealed with the vault key. */
export interface SharesTable {
  id: string;
  person_id: string;
  label: string;
  what_json: string;
  key_enc: string;
  passcode_hash: string | null;
  attempts_left: number;
  expires_at: string | null;
  created_at: string;
  revoked_at: string | null;
  disabled_at: string | null;
  access_count: number;
}

/** One encrypted file of a share: compact JWE (dir, A256GCM). */
export interface ShareFilesTable {
  share_id: string;
  file_id: string;
  content_type: string;
  jwe: string;
}

/** The person's own statement on the health history form (src/doctor/). */
export interface FormStatementsTable {
  id: string;
  person_id: string;
  section: string;
  field: string;
  value: string;
  created_at: string;
}

/** A sign-in account (src/auth/). `password_hash` is scrypt in PHC-like form. */
export interface AccountsTable {
  id: string;
  username: string;
  password_hash: string;
  failed_logins: number;
  locked_until: string | null;
  created_at: string;
  password_changed_at: string;
}

/** A signed-in session; the cookie holds the token, the table only its SHA-256. */
export interface SessionsTable {
  token_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

/** An account's role on a person's record: owner, caregiver (full rights) or viewer. */
export interface PersonRolesTable {
  account_id: string;
  person_id: string;
  role: string;
  granted_at: string;
  granted_by: string | null;
}

/** A passkey (WebAuthn credential) of an account; the key is the credential id (base64url). */
export interface PasskeysTable {
  id: string;
  account_id: string;
  name: string;
  public_key: string;
  counter: number | string;
  transports: string;
  device_type: string;
  backed_up: number;
  created_at: string;
  last_used_at: string | null;
}

/** A WebAuthn challenge handed out and not used yet (single use, short-lived). */
export interface WebauthnChallengesTable {
  challenge: string;
  purpose: string;
  account_id: string | null;
  expires_at: string;
}

/** A document waiting for a person with this identifier ("system|value"), see migration 0020. */
export interface PersonWaitsTable {
  document_id: string;
  identifier: string;
}

export interface Database {
  accounts: AccountsTable;
  passkeys: PasskeysTable;
  webauthn_challenges: WebauthnChallengesTable;
  sessions: SessionsTable;
  person_roles: PersonRolesTable;
  people: PeopleTable;
  documents: DocumentsTable;
  resources: ResourcesTable;
  provenance: ProvenanceTable;
  pages: PagesTable;
  jobs: JobsTable;
  audit_events: AuditEventsTable;
  record_facts: RecordFactsTable;
  record_items: RecordItemsTable;
  record_sources: RecordSourcesTable;
  record_decisions: RecordDecisionsTable;
  record_dirty: RecordDirtyTable;
  record_item_keys: RecordItemKeysTable;
  smart_connections: SmartConnectionsTable;
  smart_authorizations: SmartAuthorizationsTable;
  shares: SharesTable;
  share_files: ShareFilesTable;
  form_statements: FormStatementsTable;
  person_waits: PersonWaitsTable;
}

export type Dialect = 'sqlite' | 'postgres';

/**
 * The shape every `vessel eval <suite>` returns. With --json the CLI prints it as the last
 * line; otherwise `table` (if any) and the figures are printed for people.
 */
export interface EvalReport {
  suite: string;
  corpus: string;
  /** Inputs scored. */
  documents: number;
  /** Inputs that produced nothing usable. */
  failed: number;
  /** Exceptions that escaped an extractor. Goal: 0. */
  crashes: number;
  metrics: Record<string, unknown>;
}

export interface EvalOptions {
  /** Print progress lines to stderr. */
  verbose?: boolean;
  /** Only the first N inputs (quick runs). */
  limit?: number;
}

export interface EvalSuite {
  name: string;
  description: string;
  /** Folder under the corpus root this suite reads by default (e.g. 'ccda'). */
  category: string;
  run(corpusDir: string, opts: EvalOptions): Promise<EvalReport & { table?: string }>;
}

/**
 * Where the shared test corpus is: `../shared/corpus` beside the repository (as on CI and
 * the developers' machines), or VESSEL_CORPUS. Tests that need it skip when it is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const SHARED_CORPUS = path.resolve(process.env.VESSEL_CORPUS ?? path.join(repoRoot, '..', 'shared', 'corpus'));

/** `false` when the corpus folder exists, else the reason to skip (for node:test's `skip`). */
export function corpusSkip(sub = ''): string | false {
  const dir = path.join(SHARED_CORPUS, sub);
  return existsSync(dir) ? false : `shared corpus not present at ${dir}`;
}

/**
 * The normalization version stored with each document's facts (`record_sources.normalized`):
 * a hash of the shipped code and unit tables plus RULES, a number raised by hand whenever the
 * mapping code changes what a fact holds (its block, keys, strength, normalized value). When it
 * differs from what a document's facts were made with, the reconcile job reads the document
 * again, so old facts leave their old blocks instead of staying there until a re-import.
 */
import { createHash } from 'node:crypto';
import loincData from './data/loinc.json' with { type: 'json' };
import groupData from './data/lab-groups.json' with { type: 'json' };
import cvxData from './data/cvx.json' with { type: 'json' };
import rxData from './data/rxnorm.json' with { type: 'json' };
import icdData from './data/icd10.json' with { type: 'json' };
import unitData from './data/units.json' with { type: 'json' };

/** Raise when fact.ts / codes.ts / units.ts change the facts they make from the same resource. */
export const RULES = 4;

export const NORMALIZE_VERSION = `${RULES}.${createHash('sha256')
  .update(JSON.stringify([loincData, groupData, cvxData, rxData, icdData, unitData]))
  .digest('hex')
  .slice(0, 12)}`;

/** Session 19 (issue 5): patient identity through OCR on fresh stand-in sets (patient-name.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPatient } from './identity.js';
import type { Line } from './lines.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));

test('a "Pt:" caption whose colon OCR lost is no part of the name ("Pt WAYNE DRAFTMAN - Birth date 1.27.1959")', () => {
  const p = findPatient(lines(`MEMORANDUM   SPECIALTY REFERRAL
TO:                 James Draftberg, MD, Stonebridge Cardiology Associates
SUBJECT:         Cardiology referral Priority: Soon (within 2 weeks)
.         Pt WAYNE DRAFTMAN - Birth date 1.27.1959 Acct 3284309 . Ph 309-555-0150
We are referring the above patient to your cardiology practice.`), 1);
  assert.deepEqual([p.given?.[0]?.toLowerCase(), p.family?.toLowerCase(), p.birthDate], ['wayne', 'draftman', '1959-01-27']);
});

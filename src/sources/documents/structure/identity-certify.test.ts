/** Session 19 (set-o classes): a certificate's attestation naming its holder; a bilingual birth-date caption. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPatient } from './identity.js';
import type { Line } from './lines.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));

test("a certificate's \"certify that\" caption names its holder in the cell after it; a bilingual caption's translation is no part of the birth date", () => {
  const p = findPatient(lines(`             INTERNATIONAL CERTIFICATE OF VACCINATION OR PROPHYLAXIS

  This is to certify that [name] / Nous certifions que [nom]                   ALEXANDER DEMOSON

  date of birth / né(e) le          12 FEB 1979          sex / sexe    M         nationality / nationalité     USA`), 1);
  assert.equal(p.family, 'Demoson');
  assert.equal(p.given?.[0], 'Alexander');
  assert.equal(p.birthDate, '1979-02-12');
});

test('"This is to certify that" followed by the name in the sentence', () => {
  const p = findPatient(lines(`This is to certify that Maria Testford, born 03/04/1950, received the vaccines below.`), 1);
  assert.equal(p.family, 'Testford');
  assert.equal(p.given?.[0], 'Maria');
});

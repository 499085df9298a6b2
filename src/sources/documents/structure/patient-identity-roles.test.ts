/** Session 18 (issue 5, set-y classes): the patient named by a person-role caption over its value, or by an Employee label. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPatient } from './identity.js';
import type { Line } from './lines.js';

const lines = (text: string, page = 1): Line[] => text.split('\n').map((t, index) => ({ page, index, text: t }));

test("a strip of captions over their values (\"Member name   Member ID   Date of birth   Notice date\") names the patient by its member caption", () => {
  const p = findPatient(lines(`      Evergreen Mutual Health Plan                                    Member Services 1-662-555-0172
      Your November Explanation of Benefits
      This is not a bill.

        Member name                                            Member ID                                 Date of birth                  Notice date

        Pamela C. Proxyford                                    BFC050626387                              Nov 08 1997                    Nov 19 2023

      Your claims this month`), 1);
  assert.equal(p.family, 'Proxyford');
  assert.equal(p.given?.[0], 'Pamela');
  assert.equal(p.birthDate, '1997-11-08');
});

test('an occupational-health record names its patient with an Employee label ("Employee: Demoman, Angela D")', () => {
  const p = findPatient(lines(`    Oak Meadow Family Health Center
    Employee Health Services · 3595 Sunset Cir, Tacoma, WA 98402                                       Immunization Compliance Record
    Employee: Demoman, Angela D                            DOB: Feb 26 1962                 Emp ID: E7487932                Printed: Apr 18 2024`), 1);
  assert.equal(p.family, 'Demoman');
  assert.equal(p.given?.[0], 'Angela');
});

test('a right-aligned patient block without labels: the name over a cell of birth date, age and sex ("5/19/1996 · 27 yrs · Female")', () => {
  const p = findPatient(lines(`                                                                                                                         Sharon Synthelli

    Oak Meadow Family Health Center                                                                             5/19/1996 · 27 yrs · Female

    3595 Sunset Cir, Tacoma, WA 98402 · (253) 555-0112                                                                     PRN: E8940634

    Lab Result – Riverbend Lab Services
    Ordered by Kyle Placeholderers, MD · Accession DX974975 · Reported 7/8/2023`), 1);
  assert.equal(p.family, 'Synthelli');
  assert.equal(p.given?.[0], 'Sharon');
  assert.equal(p.birthDate, '1996-05-19');
  // A visit date with an age beside it that does not agree with it is no birth date.
  assert.equal(findPatient(lines(`Visit 3/14/2024 · 74 yrs · Male`), 1).birthDate, undefined);
});

test('a Name label OCR read a letter short ("Nam:", "Pt Nae") before the name', () => {
  const a = findPatient(lines(`Aspen Park Diagnostic Imaging - Department of Radiology
Nam: Placeholderridge, Rose B           MR#: MR-544022        DOB: 01/26/2021                 Sex: F`), 1);
  assert.equal(a.family, 'Placeholderridge');
  const b = findPatient(lines(`NORTHFORK DIAGNOSTIC LABORATORY
Pt Nae         STUBBROOK, TYLER                                  Physician        PROXY VA, FRANCES
Birthdate          Dec 30 1945`), 1);
  assert.equal(b.family?.toUpperCase(), 'STUBBROOK');
  assert.equal(b.given?.[0]?.toUpperCase(), 'TYLER');
});

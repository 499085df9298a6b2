/** Session 19: a caps name read LAST FIRST without its comma takes the order a capitals sentence of the fax prints. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPatient } from './identity.js';
import type { Line } from './lines.js';
import { orderAsTransmissionPrints } from './name-spelling.js';

const lines = (text: string): Line[] => text.split('\n').map((t, index) => ({ page: 1, index, text: t }));

test('"RECIP NAME: DOE JANE" beside a cover comment in capitals "... FOR JANE DOE, DOB ..." reads Jane Doe', () => {
  const ra = findPatient(lines('RECIP NAME: EXAMPLEWELL JESSICA   RECIP ID: HPE508116244   DOB: 11/15/51'), 1);
  const fax = lines('COMMENT:          BILLING STATEMENT FOR JESSICA EXAMPLEWELL, DOB 11/15/1951\nRECIP NAME: EXAMPLEWELL JESSICA   RECIP ID: HPE508116244   DOB: 11/15/51');
  const p = orderAsTransmissionPrints(ra, fax);
  assert.deepEqual([p.given?.[0], p.family], ['Jessica', 'Examplewell']);
  // A caps header "NAME: DOE JANE DOB" is no sentence: it says nothing of the order. (Session 20: with a given name
  // outside the common-given-names table, which would otherwise tell the order by itself.)
  const rb = findPatient(lines('RECIP NAME: EXAMPLEWELL JESSAMINE   RECIP ID: HPE508116244   DOB: 11/15/51'), 1);
  const q = orderAsTransmissionPrints(rb, lines('NAME: EXAMPLEWELL JESSAMINE DOB 11/15/1951'));
  assert.deepEqual([q.given?.[0], q.family], [rb.given?.[0], rb.family]);
});

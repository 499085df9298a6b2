import { test } from 'node:test';
import assert from 'node:assert/strict';
import { faxSenderName } from './fax-sender.js';

test("a fax machine's cut or garbled station ID gives way to the facility it starts", () => {
  assert.equal(faxSenderName('FOX RUN CUMMUNI 1 1 mcm', ['Fox Run Community Health Clinic']), 'Fox Run Community Health Clinic');
  assert.equal(faxSenderName('JUNIPER HILLS COMMUNIT', [undefined, 'Juniper Hills Community Hospital']), 'Juniper Hills Community Hospital');
  assert.equal(faxSenderName('RIVERSIDE MED GRP', ['Riverside Medical Group']), 'Riverside Medical Group');
});

test('a station ID naming someone else stays as printed; without one the facility names the sender', () => {
  assert.equal(faxSenderName('NORTH HOSP HIM', ['Juniper Hills Community Hospital']), 'NORTH HOSP HIM');
  assert.equal(faxSenderName('EFAX CORP', ['Fox Run Community Health Clinic']), 'EFAX CORP');
  // One word in common is not enough ("COMMUNITY LAB" vs "Community Hospital of the Valley").
  assert.equal(faxSenderName('COMMUNITY LAB SVCS', ['Community Hospital of the Valley']), 'COMMUNITY LAB SVCS');
  assert.equal(faxSenderName(undefined, [undefined, 'Crestline Clinical Laboratories']), 'Crestline Clinical Laboratories');
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isVisitAct } from './history-procedures.js';

test('the acts of a visit are no surgeries or procedures of a history', () => {
  for (const n of [
    'Documentation of current medications',
    'Medication reconciliation (procedure)',
    'Assessment of health and social care needs (procedure)',
    'Depression screening using Patient Health Questionnaire Two-Item score (procedure)',
    'Screening for domestic abuse (procedure)',
    'Patient referral for dental care',
    'Collection of venous blood by venipuncture',
    'Administration of influenza vaccine',
    'Office visit',
    'Counseling about tobacco use',
  ]) assert.equal(isVisitAct(n), true, n);
});

test('surgeries, scopes, imaging and screening exams stay', () => {
  for (const n of ['Appendectomy', 'Colonoscopy', 'Screening mammography', 'Total knee replacement', 'Measurement of respiratory function (procedure)', 'Cesarean section', 'Excision of skin lesion', 'Screening for malignant neoplasm of colon']) {
    assert.equal(isVisitAct(n), false, n);
  }
});

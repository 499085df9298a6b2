/** Document type from keyword evidence (classify.ts): cases session 17 showed through OCR. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classify } from './classify.js';
import { cleanPage, type Line } from './lines.js';

const lines = (text: string): Line[] => text.split('\n').map((t, index) => ({ page: 1, index, text: t }));

test('session 17: a routing sheet from a radiology practice, its field labels lost, is a cover sheet: the letterhead names the sender, not the page', () => {
  const text = [
    'Bluebell Radiology Associates',
    '9495 Hillcrest Way, Clinton, IA 52732',
    'OUTGOING FAX - ROUTING SHEET                 (ATEN',
    'Reciplent Fax                        (563) 555-0132',
    'Sent                                   Mon 11/07/2022 7:20 AM',
    '3 (including this routing sheet)',
    'Bryan Trialelli - imaging report',
    'STAT - please deliver immediately',
    'Results attached for. your review. Thank you.',
    'prohibited. If received in error, call (563) 555-0156 and destroy all pages',
  ].join('\n');
  assert.equal(classify(lines(text)).type, 'fax_cover_sheet');
  // The practice's own report under the same letterhead stays a radiology report.
  const report = ['Bluebell Radiology Associates                        DIAGNOSTIC IMAGING REPORT', 'EXAM DATE:         2022/10/24 08:01', 'EXAMINATION:       XR CHEST 2 VIEWS', 'FINDINGS:', 'IMPRESSION:'].join('\n');
  assert.equal(classify(lines(report)).type, 'radiology_report');
});

test('session 18: a referral on a prescription pad, its labels garbled ("Reter to:"), that says "Current medications: none" is no medication list', () => {
  const text = [
    'Ethan Madcupwright, MIT or',
    'Brook   I Ey  Cl   REC\'D',
    'rookstone Interna  clin',
    'SHES Coda Biv Ovlond. MS 68  MAY 31 2024',
    '161 bt) SSS OIKE 1x thi) S38 1X DEA pw (HM DEPT',
    'Name Randy Proxytield DOB $/17/2017',
    'Address S057 Quh PJ. Oxford. MS IB06SS',
    'Date 5/6/2024',
    'Reter to: Dermatology Jessica Protoley. MD. Kestrel Bay',
    'Dermatology Consultants',
    'Reason: chronic eczema not responding to topical steroids',
    'Dx: Z71 89 Other speciied counseling',
    'Priory: Soon (within 2 weeks)',
    'Signature Substitution permitted M',
    'Attachment to referral = Randy Proxyticld',
    'Current medications: none',
    'Allergies: NKDA',
    'Foclosed: Medication bist, Insurance information. Recent office notes.',
  ].join('\n');
  assert.equal(classify(lines(text)).type, 'referral_letter');
  // A list that names its medications stays one.
  const list = ['Current Medications', 'Medication            Sig                         Status', 'lisinopril 10 mg      Take 1 tablet by mouth daily    Active', 'Allergies: NKDA'].join('\n');
  assert.equal(classify(lines(list)).type, 'medication_list');
});

test('session 18: a cover\'s "Company" field naming an imaging centre is the sender, not the page\'s title', () => {
  // Its "fax" title line reads as a fax header and is set aside; the "Company" field's value is left in the head.
  const text = [
    '2022-05-04 17:15 MDT |                        ASPEN PARK DIAGNOSTIC IMAG |                                         16035550113 |                          0001 of 0002',
    '         fax                                                                                                                      May 04 2022, 5:15 PM',
    '         Medical records - PLACEHOLDERRIDGE, ROSE B',
    '           RECIPIENT                                                                    SENDER',
    '           Name       Rose Placeholderridge                                             Name    Ngoc Placeholderwood',
    '           Fax        +1 603-555-0123                                                   Company Aspen Park Diagnostic Imaging',
    '           Phone      +1 603-555-0114                                                   Fax           +1 603-555-0113',
    '                                                                                        Phone         +1 603-555-0157',
    '         Date  May 04 2022, 5:15 PM',
    '         Pages 2',
    '            Per the authorization received, enclosed are records for the above patient. Please confirm receipt.',
    '         Aspen Park Diagnostic Imaging · 1397 Summit Blvd, Hudson, NH 03051. The information in this fax is confidential and intended only for the recipient',
    '         above.',
  ].join('\n');
  assert.equal(classify(cleanPage(1, text).lines).type, 'fax_cover_sheet');
  // The centre's own report, its name the letterhead, stays a radiology report.
  const report = ['Aspen Park Diagnostic Imaging', 'EXAM DATE:         2022/04/24 08:01', 'EXAMINATION:       XR CHEST 2 VIEWS', 'FINDINGS:', 'IMPRESSION:'].join('\n');
  assert.equal(classify(lines(report)).type, 'radiology_report');
});

// A federal-style consultation sheet (SF 513 manner) on a standard fax, its title garbled
// ("CONSULTAT SHEET ... REQUEST"): its own captions say consultation request, while the reason for
// the request lists the patient's current medications with doses (n-2404 tx-0006 through OCR).
test('session 21: a consultation sheet whose title OCR garbled, its medications listed in the reason, is a referral', () => {
  const text = [
    '06/16/2025 MON 13:21.     FAX 703 555 0177      * HIGHLAND FALLS INTERNAL      1x10003/0003',
    '            MEDICAL RECORD              CONSULTAT             SHEET       -                Cee',
    '                         Co                       REQUEST                                  To',
    'ro: Neurology —: Mark Notrealcombe, MD, Junipar Hills Neurology          FF',
    '                                          FROM: (Raquesling physician or activity)',
    'DATE OF REQUEST                       AUTHORIZATION                      uf',
    '05/31/2025          C                 N/A           ROUTINE   1 TODAY / URGENT 1',
    'REASON FOR REQUEST (Compiaints and findings)',
    'evaluation of bilateral foot numbness.',
    'Curren:  medica ions: gscitalopram 10 mg 1 fab PO QD; acetaminophen 325 mg 2  tabs PO Q6H PRN pain; gabapentin 300 mg 1',
    'cap PO TID',
    'Allergies: NKDA. Encinas: Recent office notes, Medication list, Laboratory results',
    'PROVISIONAL DIAGNOSIS',
    'Polyneurepathy, unspecified (G62.9)',
    '                                          PLAGE OF CONSULTATION',
    "DOCTOR'S SIGNATURE",
  ].join('\n');
  assert.equal(classify(lines(text)).type, 'referral_letter');
});

// The read models over a real store, fed by the real FHIR adapter and a small bundle.
import { test } from 'node:test';
import { signIn } from '../../test/helpers/api.js';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIALECTS, openTestVessel, postgresSkipReason } from '../../test/helpers/vessels.js';
import { buildServer } from '../server/app.js';
import { homeView } from './summary.js';
import { labsView, listView, observationGroup } from './lists.js';
import { timeline } from './timeline.js';
import { benchViews } from './bench.js';
import { sql } from 'kysely';

const fixture = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../test/e2e/fixtures/glucose-bundle.json');

for (const dialect of DIALECTS) test(`read models of one person (${dialect})`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
  const tv = await openTestVessel(dialect);
  t.after(() => tv.cleanup());
  const v = tv.vessel;
  await v.importer.importPaths([fixture], { channel: 'cli' });
  await v.importer.importBytes(Buffer.alloc(0), 'empty-scan.pdf', { channel: 'upload' });
  await v.runJobsUntilIdle({ pollMs: 10 });
  const [person] = await v.store.people.list();
  assert.equal(person.displayName, 'Mara Lindqvist');

  await t.test('home: attention with the bad file, key figures with sources', async () => {
    const home = (await homeView(v.store, person.id))!;
    const bad = home.attention.find((a) => a.filename === 'empty-scan.pdf');
    assert.equal(bad?.kind, 'failed');
    assert.match(bad!.message, /empty/);
    assert.deepEqual(home.problems.map((p) => p.title), ['Prediabetes']);
    assert.deepEqual(home.medications.map((m) => m.title), ['Metformin 500 mg tablet']);
    assert.equal(home.allergies[0].title, 'Penicillin');
    assert.equal(home.allergies[0].source.filename, 'glucose-bundle.json');
    assert.deepEqual(home.vitals.map((g) => g.latest.display).sort(), ['128 mmHg', '82 mmHg']);
  });

  await t.test('labs: one glucose group with three points, each range and flag', async () => {
    const labs = await labsView(v.store, person.id);
    assert.equal(labs.length, 1);
    assert.equal(labs[0].loinc, '2345-7');
    assert.equal(labs[0].count, 3);
    assert.equal(labs[0].latest.value, 131);
    const g = (await observationGroup(v.store, person.id, labs[0].key, 'lab'))!;
    assert.deepEqual(g.points.map((p) => [p.value, p.low, p.high, p.flag]), [[92, 70, 99, 'N'], [104, 70, 99, 'H'], [131, 70, 99, 'H']]);
    const sys = (await observationGroup(v.store, person.id, 'loinc:8480-6', 'vital'))!;
    assert.deepEqual(sys.points.map((p) => p.value), [128], 'a blood pressure component is found through its panel');
  });

  await t.test('timeline: years, then one year by month, type filter', async () => {
    const all = await timeline(v.store, person.id);
    assert.equal(all.granularity, 'year');
    assert.deepEqual(all.buckets.filter((b) => b.byType.Observation).map((b) => b.key), ['2021', '2022', '2023']);
    const y = await timeline(v.store, person.id, { from: '2023', to: '2024', types: ['Encounter'] });
    assert.equal(y.granularity, 'month');
    assert.deepEqual(y.buckets.map((b) => b.key), ['2023-06']);
    assert.deepEqual(y.items.map((i) => i.title), ['Visit: Annual physical']);
    const first = await timeline(v.store, person.id, { limit: 2 });
    const second = await timeline(v.store, person.id, { limit: 2, offset: 2 });
    assert.deepEqual([...first.items, ...second.items].map((i) => i.id), all.items.slice(0, 4).map((i) => i.id), 'pages follow each other, newest first');
    assert.equal(y.types.Observation, 2, 'hidden types (a glucose and a blood pressure in 2023) are still counted for the filter');
  });

  await t.test('timeline: filter by how documents came in, by facility and by document', async () => {
    // A second record of the same person, uploaded from a named clinic.
    const second = { resourceType: 'Bundle', type: 'collection', entry: [
      { resource: { resourceType: 'Patient', id: 'p1', name: [{ given: ['Mara'], family: 'Lindqvist' }], birthDate: '1961-07-14', identifier: [{ system: 'urn:oid:2.16.840.1.113883.19.5', value: 'MRN-4471' }] } },
      { resource: { resourceType: 'Encounter', id: 'e9', status: 'finished', class: { code: 'AMB' }, type: [{ text: 'Eye exam' }], subject: { reference: 'Patient/p1' }, period: { start: '2024-02-10' } } },
    ] };
    const { documentId } = await v.importer.importBytes(Buffer.from(JSON.stringify(second)), 'north-clinic.json', { channel: 'upload' });
    await v.runJobsUntilIdle({ pollMs: 10 });
    const doc = (await v.store.documents.get(documentId!))!;
    assert.equal(doc.personId, person.id);
    await v.store.documents.setState(doc.id, doc.state, { label: { ...doc.label, facility: 'North Clinic' } });

    const all = await timeline(v.store, person.id);
    assert.equal(all.channels.upload, 1);
    assert.equal(all.channels.cli, 1);
    assert.deepEqual(all.facilities, { 'North Clinic': 1 });
    const titles = (tl: Awaited<ReturnType<typeof timeline>>) => tl.items.filter((i) => i.kind === 'resource').map((i) => i.title);
    for (const q of [{ channel: 'upload' }, { facility: 'North Clinic' }, { document: doc.id }]) {
      const only = await timeline(v.store, person.id, q);
      assert.deepEqual(titles(only), ['Visit: Eye exam'], `only the clinic's visit with ${JSON.stringify(q)}`);
      assert.deepEqual(only.items.filter((i) => i.kind === 'document').map((i) => i.id), [doc.id]);
      assert.equal(only.buckets.find((b) => b.key === '2024')?.byType.Encounter, 1);
      assert.equal(only.total, 2, 'the visit and its document');
    }
    const cli = await timeline(v.store, person.id, { channel: 'cli' });
    assert.ok(!titles(cli).includes('Visit: Eye exam') && titles(cli).includes('Visit: Annual physical'), 'the command-line import keeps its own facts only');
    assert.equal(cli.types.Encounter, 1);
    assert.equal((await timeline(v.store, person.id, { facility: 'Nowhere' })).total, 0);
  });

  await t.test('lists page and say where each item came from', async () => {
    const imm = await listView(v.store, person.id, 'immunizations');
    assert.equal(imm.total, 1);
    assert.equal(imm.items[0].title, 'Influenza, seasonal, injectable');
    assert.equal(imm.items[0].source.documentId.length > 0, true);
    assert.ok(imm.items[0].source.line || imm.items[0].source.entryId, 'a FHIR fact knows its entry in the file');
    const vitals = await listView(v.store, person.id, 'vitals');
    assert.deepEqual(vitals.items.map((f) => f.detail).sort(), ['128 mmHg', '82 mmHg'], 'one line per measured value: the blood pressure panel gives systolic and diastolic');
    assert.equal(vitals.total, 2);
    assert.ok(vitals.items.every((f) => f.source.filename === 'glucose-bundle.json' && f.merged?.sources.length === 1), 'each line names its one source');
  });

  await t.test('HTTP routes answer, and reject bad input with OperationOutcomes', async () => {
    const app = await buildServer(v);
    const api = await signIn(app, v);
    try {
      const home = await api(`/api/views/home?person=${person.id}`);
      assert.equal(home.statusCode, 200);
      assert.equal(home.json().person.displayName, 'Mara Lindqvist');
      assert.equal((await api('/api/views/labs')).statusCode, 400);
      assert.equal((await api('/api/views/labs?person=nobody')).statusCode, 404);
      assert.equal((await api(`/api/views/lists/nonsense?person=${person.id}`)).json().error, 'not_found');
      assert.equal((await api(`/api/views/timeline?person=${person.id}&from=yesterday`)).statusCode, 400);
      const glucose = await api(`/api/views/labs/loinc:2345-7?person=${person.id}`);
      assert.equal(glucose.json().points.length, 3);
      assert.equal((await api(`/api/views/labs/loinc:0000-0?person=${person.id}`)).statusCode, 404);
      const tl = (await api(`/api/views/timeline?person=${person.id}&from=2022&to=2023`)).json();
      assert.equal(tl.granularity, 'month');
    } finally {
      await app.close();
    }
  });

  await t.test('once VACUUM has run, counts come from the indexes and say the same', { skip: dialect !== 'postgres' && 'PostgreSQL only (SQLite always counts from the index)' }, async () => {
    const before = { home: (await homeView(v.store, person.id))!.counts.byType, labs: (await labsView(v.store, person.id)).map((g) => [g.key, g.count]) };
    await sql`VACUUM ANALYZE resources`.execute(v.store.db);
    const after = { home: (await homeView(v.store, person.id))!.counts.byType, labs: (await labsView(v.store, person.id)).map((g) => [g.key, g.count]) };
    assert.deepEqual(after, before);
    assert.deepEqual(after.home, await v.store.resources.countByType(person.id));
  });

  await t.test('bench helper times every read model', async () => {
    const timings = await benchViews(v.store, person.id, { runs: 2 });
    assert.ok(timings.some((x) => x.query === 'home'));
    assert.ok(timings.every((x) => x.p95Ms >= x.p50Ms));
  });
});

// A facility most documents name is read in date order, checking each row's document; one a
// few documents name is read per document. Either way the user sees exactly that facility's facts.
for (const dialect of DIALECTS) test(`timeline filtered to a facility of most or of few documents (${dialect})`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
  const tv = await openTestVessel(dialect);
  t.after(() => tv.cleanup());
  const { store } = tv.vessel;
  const { seedSyntheticPerson } = await import('../record/reconcile/bench.js');
  const { labelBenchFacilities } = await import('./bench.js');
  const seeded = await seedSyntheticPerson(store, { sources: 10, visitsPerSource: 3 });
  await labelBenchFacilities(store, seeded.personId);
  const docs = await store.documents.list({ personId: seeded.personId });
  const facilityOf = new Map(docs.map((d) => [d.id, d.label.facility as string]));

  const everything = await timeline(store, seeded.personId, { limit: 1000 });
  const resourceTotal = (tl: Awaited<ReturnType<typeof timeline>>) => tl.total - (tl.types.Document ?? 0);
  let sum = 0;
  for (const facility of ['Mercy Hospital', 'Valley Clinic']) {
    const full = await timeline(store, seeded.personId, { facility, limit: 1000 });
    assert.ok(full.items.length > 0 && full.items.length === full.total, `${facility}: every item fits one page`);
    for (const i of full.items) assert.equal(facilityOf.get(i.kind === 'document' ? i.id : i.source.documentId), facility, `${facility}: ${i.title} comes from a document of that facility`);
    const expected = everything.items.filter((i) => facilityOf.get(i.kind === 'document' ? i.id : i.source.documentId) === facility);
    assert.deepEqual(full.items.map((i) => i.id), expected.map((i) => i.id), `${facility}: the same items, in the same order, as the unfiltered timeline shows for it`);
    for (const b of full.buckets) assert.equal(b.count, full.items.filter((i) => i.date.startsWith(b.key)).length, `${facility}: year ${b.key} counts what it holds`);
    // Paging: small pages follow each other.
    const paged = [];
    for (let offset = 0; offset < full.total; offset += 40) paged.push(...(await timeline(store, seeded.personId, { facility, limit: 40, offset })).items);
    assert.deepEqual(paged.map((i) => i.id), full.items.map((i) => i.id), `${facility}: pages of 40 give the same items`);
    const year = full.buckets.at(-2)!.key;
    const oneYear = await timeline(store, seeded.personId, { facility, from: year, to: String(Number(year) + 1) });
    assert.deepEqual(oneYear.items.map((i) => i.id), full.items.filter((i) => i.date.startsWith(year)).slice(0, 100).map((i) => i.id), `${facility}: zoomed into ${year}`);
    sum += resourceTotal(full);
  }
  assert.equal(sum, resourceTotal(everything), 'the two facilities share every fact between them');
});

// An item merged from every visit has a source per visit: the list sends the first few (the
// version shown, then those a disagreement names) with their count, and the rest page by page.
test('merged items with many sources: a bounded list, the rest page by page, merge by item (sqlite)', async (t) => {
  const tv = await openTestVessel('sqlite');
  t.after(() => tv.cleanup());
  const { seedSyntheticPerson } = await import('../record/reconcile/bench.js');
  const { reconcilePerson } = await import('../record/reconcile/job.js');
  const seeded = await seedSyntheticPerson(tv.vessel.store, { sources: 5, visitsPerSource: 80 });
  await reconcilePerson(tv.vessel.store, seeded.personId);
  const app = await buildServer(tv.vessel);
  t.after(() => app.close());
  const api = await signIn(app, tv.vessel);
  type Source = { resourceId: string; documentId?: string };
  type Item = { id: string; type: string; display: string; conflicts: Array<{ resourceIds: string[] }>; sources: Source[]; sourceCount: number };
  const res = await api(`/api/people/${seeded.personId}/items?conflicts=1&limit=50`);
  assert.equal(res.statusCode, 200);
  const items = res.json().items as Item[];
  // Over 300: a merge of whole items then names more sources than one query of them takes.
  const big = items.find((i) => i.sourceCount > 300);
  assert.ok(big, 'a disagreement merged from more than 300 sources');
  const stored = (await tv.vessel.store.db.selectFrom('record_items').select('json').where('id', '=', big.id).executeTakeFirstOrThrow()).json;
  const all = (JSON.parse(stored) as { resourceIds: string[] }).resourceIds;
  assert.equal(big.sourceCount, all.length, 'the count says every source');
  assert.equal(big.sources.length, 24, 'the list sends only the first 24 sources');
  assert.ok(big.sources.every((s) => s.documentId), 'each sent source says its document');
  assert.equal(big.sources[0].resourceId, all[0], 'the version shown comes first');
  const named = new Set(big.conflicts.flatMap((c) => c.resourceIds));
  assert.ok(big.sources.some((s) => named.has(s.resourceId)) || !named.size, 'a source the disagreement names is sent');
  const sent = new Set(big.sources.map((s) => s.resourceId));
  const storedConflicts = (JSON.parse(stored) as { conflicts: Array<{ resourceIds: string[] }> }).conflicts;
  big.conflicts.forEach((c, i) => {
    assert.ok(c.resourceIds.every((r) => sent.has(r)), 'a disagreement names only sources that were sent');
    assert.equal((c as { resourceCount?: number }).resourceCount, storedConflicts[i].resourceIds.length, 'and says how many it is about');
  });
  assert.ok(Buffer.byteLength(res.body) / items.length < 20_000, `an item's share of the page is bounded (${Math.round(res.body.length / items.length)} bytes)`);

  // The rest, page by page, in the same order, each with its document.
  const paged: Source[] = [];
  for (let offset = 0; ; ) {
    const page: { statusCode: number; body: string; json(): unknown } = await api(`/api/people/${seeded.personId}/items/${big.id}/sources?offset=${offset}&limit=100`);
    assert.equal(page.statusCode, 200, page.body);
    const body = page.json() as { total: number; sources: Source[] };
    assert.equal(body.total, all.length);
    assert.ok(body.sources.length <= 100);
    paged.push(...body.sources);
    offset += body.sources.length;
    if (!body.sources.length || offset >= body.total) break;
  }
  assert.deepEqual(paged.map((s) => s.resourceId).sort(), all.slice().sort(), 'every source is reachable');
  assert.deepEqual(paged.slice(0, 24).map((s) => s.resourceId), big.sources.map((s) => s.resourceId), 'pages continue where the list stops');
  assert.ok(paged.every((s) => s.documentId), 'each paged source says its document');
  assert.equal((await api(`/api/people/${seeded.personId}/items/nope/sources`)).statusCode, 404);

  // Split off a source only the pages list, then merge the two items back by their ids.
  const last = paged[paged.length - 1].resourceId;
  const split = await api({ method: 'POST', url: `/api/people/${seeded.personId}/items/split`, payload: { type: big.type, resourceIds: [last] } });
  assert.equal(split.statusCode, 200, split.body);
  const after = (await api(`/api/people/${seeded.personId}/items?type=${big.type}&limit=2000`)).json().items as Item[];
  const rest = after.find((i) => i.sources.some((s) => s.resourceId === all[0]))!;
  const alone = after.find((i) => i.sourceCount === 1 && i.sources[0].resourceId === last)!;
  assert.ok(alone, 'the split source stands alone');
  assert.equal(rest.sourceCount, all.length - 1);
  const merge = await api({ method: 'POST', url: `/api/people/${seeded.personId}/items/merge`, payload: { type: big.type, itemIds: [rest.id, alone.id] } });
  assert.equal(merge.statusCode, 200, merge.body);
  const again = (await api(`/api/people/${seeded.personId}/items?type=${big.type}&limit=2000`)).json().items as Item[];
  assert.equal(again.find((i) => i.sources.some((s) => s.resourceId === all[0]))!.sourceCount, all.length, 'merged back into one item of every source');
  const bad = await api({ method: 'POST', url: `/api/people/${seeded.personId}/items/merge`, payload: { type: big.type, itemIds: [rest.id, 'nope'] } });
  assert.equal(bad.statusCode, 400);
});

test('a document typed only by a LOINC code reads by the type\'s name; a given text or display wins', async () => {
  const { describe } = await import('./facts.js');
  const doc = (type: Record<string, unknown>) => describe({ resourceType: 'DocumentReference', status: 'current', content: [{ attachment: {} }], type } as never).title;
  assert.equal(doc({ coding: [{ system: 'http://loinc.org', code: '51852-2' }] }), 'Letter');
  assert.equal(doc({ coding: [{ system: 'http://loinc.org', code: '11506-3' }] }), 'Progress note');
  assert.equal(doc({ coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note (physician)' }] }), 'Progress note (physician)');
  assert.equal(doc({ text: 'Clinic letter', coding: [{ system: 'http://loinc.org', code: '51852-2' }] }), 'Clinic letter');
  assert.equal(doc({ coding: [{ system: 'http://loinc.org', code: '99999-9' }] }), '99999-9', 'an unknown code stays as written');
});

/** A patient-access pull with two notes held by DocumentReferences (written for this test). */
const notesBundle = {
  resourceType: 'Bundle',
  type: 'searchset',
  entry: [
    { fullUrl: 'https://ehr.example/fhir/Patient/n1', resource: { resourceType: 'Patient', id: 'n1', name: [{ family: 'Noteworthy', given: ['Nora'] }], birthDate: '1966-06-06' } },
    {
      fullUrl: 'https://ehr.example/fhir/DocumentReference/d1',
      resource: {
        resourceType: 'DocumentReference', id: 'd1', status: 'current', subject: { reference: 'Patient/n1' }, date: '2020-10-09T15:26:23Z',
        type: { coding: [{ system: 'http://loinc.org', code: '11506-3' }] },
        content: [{ attachment: { contentType: 'text/plain', data: Buffer.from('Seen for follow-up of hypertension. Doing well.').toString('base64') } }],
      },
    },
    {
      fullUrl: 'https://ehr.example/fhir/DocumentReference/d2',
      resource: {
        resourceType: 'DocumentReference', id: 'd2', status: 'current', subject: { reference: 'Patient/n1' }, description: 'Cardiology consult',
        context: { period: { start: '2021-02-03' } },
        content: [{ attachment: { contentType: 'text/html', data: Buffer.from('<p>Echo normal.</p>').toString('base64') } }],
      },
    },
  ],
};

for (const dialect of DIALECTS) test(`a note's document is named and dated by the resource holding it, not its file name and import day (${dialect})`, { skip: dialect === 'postgres' ? await postgresSkipReason() : false }, async (t) => {
  const { fhirAdapter } = await import('../sources/fhir/index.js');
  const tv = await openTestVessel(dialect, { adapters: [fhirAdapter] });
  t.after(() => tv.cleanup());
  const v = tv.vessel;
  await v.importer.importBytes(Buffer.from(JSON.stringify(notesBundle)), 'notes.json', { channel: 'upload' });
  await v.runJobsUntilIdle();
  const [person] = await v.store.people.list();
  const tl = await timeline(v.store, person.id, { types: ['Document'] });
  const notes = tl.items.filter((i) => i.kind === 'document' && i.title !== 'notes.json').map((i) => [i.title, i.date.slice(0, 10)]);
  assert.deepEqual(notes.sort(), [['Cardiology consult', '2021-02-03'], ['Progress note', '2020-10-09']]);
});

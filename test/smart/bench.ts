/**
 * Sync throughput against the loopback fixture server: N extra Observations, page size P.
 * `node --import tsx test/smart/bench.ts [N] [P]`. Prints the fetch+store time of the sync
 * alone, then the time the ingest jobs take to read the pages.
 */
import { randomBytes } from 'node:crypto';
import { openTestVessel } from '../helpers/vessels.js';
import { connect, resourceCounts, startPeers } from './peers.js';
import { syncConnection } from '../../src/smart/sync.js';

const n = Number(process.argv[2] ?? 2000);
process.env.VESSEL_SMART_PAGE_SIZE = process.argv[3] ?? '100';
const tv = await openTestVessel('sqlite');
const peers = await startPeers();
try {
  for (let i = 0; i < n; i++) {
    peers.fhir.resources.push({ resourceType: 'Observation', id: `b${i}`, meta: { lastUpdated: '2024-01-01T00:00:00Z' }, status: 'final', subject: { reference: 'Patient/p1' }, effectiveDateTime: `2023-${String((i % 12) + 1).padStart(2, '0')}-01`, code: { coding: [{ system: 'http://loinc.org', code: '2345-7', display: 'Glucose' }] }, valueQuantity: { value: 80 + (i % 50), unit: 'mg/dL' }, note: [{ text: randomBytes(8).toString('hex') }] });
  }
  const c = await connect(tv.vessel, peers, { sync: false });
  let t = performance.now();
  const r = await syncConnection({ store: tv.vessel.store, key: tv.vessel.key, importer: tv.vessel.importer }, c.id);
  const syncMs = performance.now() - t;
  t = performance.now();
  await tv.vessel.runJobsUntilIdle();
  const ingestMs = performance.now() - t;
  const counts = await resourceCounts(tv.vessel);
  console.log(JSON.stringify({ status: r.status, fetched: r.counts, syncMs: Math.round(syncMs), resourcesPerSecondSync: Math.round((r.counts!.resources / syncMs) * 1000), ingestMs: Math.round(ingestMs), stored: counts }));
} finally {
  await peers.stop();
  await tv.cleanup();
}

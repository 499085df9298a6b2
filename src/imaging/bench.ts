/**
 * `npm run bench -- imaging`: a 500-slice CT series (512×512, 16-bit) written to a temp
 * folder, imported through the real pipeline, then what the viewer does first: the study list,
 * the study, the first frame as PNG (cold), the next slice, another window on a cached slice.
 * Also the longest event-loop stall while frames render (what other requests would wait).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Vessel } from '../app/vessel.js';
import { ctSlice } from './fixtures.js';
import type { StudyDetail, StudyListItem } from './model.js';

export interface ImagingBench {
  images: number;
  indexSeconds: number;
  imagesPerSecond: number;
  listMs: number;
  studyMs: number;
  firstFrameMs: number;
  firstImageAfterImportMs: number;
  nextSliceMs: number;
  rewindowMs: number;
  thumbnailMs: number;
  scrollP50Ms: number;
  scrollP95Ms: number;
  maxStallMs: number;
}

/** Writes `count` slices of one series to a new temp folder; returns the folder. */
export function writeSeries(count: number, size = 512): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vessel-bench-ct-'));
  for (let i = 1; i <= count; i++) {
    const bytes = ctSlice({ studyUid: '1.2.826.0.1.3680043.9.7001.500', seriesUid: '1.2.826.0.1.3680043.9.7001.500.2', sopUid: `1.2.826.0.1.3680043.9.7001.500.2.${i}`, instanceNumber: i, size });
    fs.writeFileSync(path.join(dir, `IM${String(i).padStart(5, '0')}`), bytes);
  }
  return dir;
}

export async function benchImaging(vessel: Vessel, opts: { count?: number } = {}): Promise<ImagingBench> {
  const count = opts.count ?? 500;
  const dir = writeSeries(count);
  const { buildServer } = await import('../server/app.js');
  const app = await buildServer(vessel);
  try {
    const t0 = performance.now();
    await vessel.importer.importPaths([dir]);
    await vessel.runJobsUntilIdle({ pollMs: 5 });
    const indexSeconds = (performance.now() - t0) / 1000;
    // The API needs a session: sign in as the tests do (the first account owns the import).
    const { signIn } = await import('../../test/helpers/api.js');
    const inject = await signIn(app, vessel);
    const people = (await inject('/api/people')).json() as Array<{ id: string }>;
    const personId = people[0].id;

    const time = async <T>(url: string, parse: (b: Buffer) => T) => {
      const t = performance.now();
      const res = await inject(url);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return { ms: performance.now() - t, value: parse(res.rawPayload) };
    };
    const t1 = performance.now();
    const list = await time(`/api/people/${personId}/imaging`, (b) => JSON.parse(b.toString()) as { studies: StudyListItem[] });
    const study = await time(`/api/people/${personId}/imaging/${list.value.studies[0].studyUid}`, (b) => JSON.parse(b.toString()) as StudyDetail);
    const instances = study.value.series[0].instances;
    if (instances.length !== count) throw new Error(`expected ${count} instances, the study has ${instances.length}`);
    const frame = (i: number, q = '') => `/api/documents/${instances[i].documentId}/frames/0.png?size=1024${q}`;
    const first = await time(frame(0), (b) => b.length);
    const firstImageAfterImportMs = performance.now() - t1;
    const next = await time(frame(1), (b) => b.length);
    const rewindow = await time(frame(1, '&wc=-600&ww=1500'), (b) => b.length);
    const thumb = await time(list.value.studies[0].series[0].thumbnailUrl!, (b) => b.length);

    // Scrolling: 40 slices in a row, cold, with the event loop watched.
    const h = monitorEventLoopDelay({ resolution: 5 });
    h.enable();
    const scroll: number[] = [];
    for (let i = 2; i < Math.min(count, 42); i++) scroll.push((await time(frame(i), (b) => b.length)).ms);
    h.disable();
    scroll.sort((a, b) => a - b);
    const pct = (p: number) => scroll[Math.min(scroll.length - 1, Math.floor((p / 100) * scroll.length))];
    const r = (n: number) => Math.round(n * 10) / 10;
    return {
      images: count,
      indexSeconds: r(indexSeconds),
      imagesPerSecond: r(count / indexSeconds),
      listMs: r(list.ms),
      studyMs: r(study.ms),
      firstFrameMs: r(first.ms),
      firstImageAfterImportMs: r(firstImageAfterImportMs),
      nextSliceMs: r(next.ms),
      rewindowMs: r(rewindow.ms),
      thumbnailMs: r(thumb.ms),
      scrollP50Ms: r(pct(50)),
      scrollP95Ms: r(pct(95)),
      maxStallMs: r(h.max / 1e6),
    };
  } finally {
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

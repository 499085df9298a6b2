/**
 * Which page an address shows, each page's code in its own chunk (React.lazy), and the data a
 * page asks for first.
 *
 * Why: a fresh load used to download and parse every page's code (337 KB) and then ask, one
 * after the other, for the session, the household and the page's data. main.tsx now calls
 * preload() with the address before anything is drawn: the page's chunk and its first data
 * are on their way while the session is checked, and a person's page no longer waits for the
 * household list (App draws it with the person named in the address).
 */
import { lazy } from 'react';
import { api, FIRST_PAGE, prefetchJson, recordApi, type ListKind } from './api.ts';
import { LIST_TITLES } from './listTitles.ts';
import { parseHash, type Route } from './router.ts';

const loaders = {
  home: () => import('./pages/Home.tsx'),
  import: () => import('./pages/Import.tsx'),
  search: () => import('./pages/Search.tsx'),
  document: () => import('./pages/DocumentViewer.tsx'),
  documents: () => import('./pages/Documents.tsx'),
  connections: () => import('./pages/Connections.tsx'),
  account: () => import('./pages/Account.tsx'),
  labs: () => import('./pages/Labs.tsx'),
  timeline: () => import('./pages/Timeline.tsx'),
  answers: () => import('./pages/Answers.tsx'),
  form: () => import('./pages/HealthForm.tsx'),
  sharing: () => import('./pages/Sharing.tsx'),
  access: () => import('./pages/Access.tsx'),
  conflicts: () => import('./pages/Conflicts.tsx'),
  imaging: () => import('./pages/Imaging.tsx'),
  list: () => import('./pages/ListPage.tsx'),
};

export type PageName = keyof typeof loaders;

/** The pages, each loaded when first drawn (or earlier, by preload). */
export const Pages = {
  Home: lazy(() => loaders.home().then((m) => ({ default: m.Home }))),
  Import: lazy(() => loaders.import().then((m) => ({ default: m.Import }))),
  Search: lazy(() => loaders.search().then((m) => ({ default: m.Search }))),
  DocumentViewer: lazy(() => loaders.document().then((m) => ({ default: m.DocumentViewer }))),
  Documents: lazy(() => loaders.documents().then((m) => ({ default: m.Documents }))),
  Connections: lazy(() => loaders.connections().then((m) => ({ default: m.Connections }))),
  Account: lazy(() => loaders.account().then((m) => ({ default: m.Account }))),
  Labs: lazy(() => loaders.labs().then((m) => ({ default: m.Labs }))),
  Timeline: lazy(() => loaders.timeline().then((m) => ({ default: m.Timeline }))),
  Answers: lazy(() => loaders.answers().then((m) => ({ default: m.Answers }))),
  HealthForm: lazy(() => loaders.form().then((m) => ({ default: m.HealthForm }))),
  Sharing: lazy(() => loaders.sharing().then((m) => ({ default: m.Sharing }))),
  Access: lazy(() => loaders.access().then((m) => ({ default: m.Access }))),
  Conflicts: lazy(() => loaders.conflicts().then((m) => ({ default: m.Conflicts }))),
  Imaging: lazy(() => loaders.imaging().then((m) => ({ default: m.Imaging }))),
  ListPage: lazy(() => loaders.list().then((m) => ({ default: m.ListPage }))),
};

/**
 * The page an address shows: `#/import`, `#/documents[/<id>]`… or a person's page
 * `#/p/<person>/<page>` (anything else: the person's home). App.tsx draws by this.
 */
export function pageOf(route: Route): PageName {
  const [p0, p1, p2, p3] = route.parts;
  if (p0 === 'import' || p0 === 'search' || p0 === 'connections' || p0 === 'account') return p0;
  if (p0 === 'documents') return p1 ? 'document' : 'documents';
  if (p2 === 'labs' || p2 === 'vitals') return 'labs';
  if (p2 === 'timeline' || p2 === 'answers' || p2 === 'form' || p2 === 'sharing' || p2 === 'access' || p2 === 'conflicts' || p2 === 'imaging') return p2;
  if (p2 === 'list' && p3 && p3 in LIST_TITLES) return 'list';
  return 'home';
}

/**
 * The first requests a person's page makes, by the same URLs the page builds (a page that
 * changes its first request changes it here too, or its data is asked for twice).
 */
export function firstData(route: Route): string[] {
  const [p0, person, p2, p3] = route.parts;
  if (p0 !== 'p' || !person) return [];
  const q = (k: string) => route.query.get(k) ?? undefined;
  switch (pageOf(route)) {
    case 'home':
      return [api.home(person)];
    case 'labs':
      return p3 ? [api.labGroup(person, p2 as 'labs' | 'vitals', p3)] : [p2 === 'labs' ? api.labs(person) : api.vitals(person)];
    case 'list':
      return [api.list(person, p3 as ListKind, { limit: FIRST_PAGE.list, offset: 0 })];
    case 'conflicts':
      return [recordApi.conflicts(person, { limit: FIRST_PAGE.conflicts })];
    case 'timeline':
      return [api.timeline(person, { from: q('from'), to: q('to'), types: q('types'), channel: q('channel'), facility: q('facility'), document: q('document'), limit: FIRST_PAGE.timeline, offset: Number(q('offset')) || 0 })];
    default:
      return [];
  }
}

/**
 * Starts loading the page at this address: its code and its first data. Not the household list
 * (App asks once signed in): sent together, the server sometimes read it (12 ms CPU on the bench
 * person) before the page's data.
 */
export function preload(hash: string): void {
  const route = parseHash(hash);
  loaders[pageOf(route)]().catch(() => {}); // React.lazy asks again and shows the failure
  for (const url of firstData(route)) prefetchJson(url);
}

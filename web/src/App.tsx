/** The shell: header with the person switcher and search, section navigation, the page. */
import { Suspense, useEffect, useRef, useState, type FormEvent } from 'react';
import { api, type ListKind, type PersonWithCounts } from './api.ts';
import { useApi } from './useApi.ts';
import { go, href, useRoute } from './router.ts';
import { Status } from './components/Status.tsx';
import { PageBoundary } from './components/PageBoundary.tsx';
import { signOut } from './session.ts';
import { LIST_TITLES } from './listTitles.ts';
import { Pages, pageOf } from './routes.ts';

const PERSON_KEY = 'vessel.person';
const NAV_LISTS: ListKind[] = ['medications', 'problems', 'allergies', 'immunizations', 'procedures', 'visits'];

export function App({ account }: { account: { id: string; username: string } }) {
  const route = useRoute();
  const people = useApi<PersonWithCounts[]>(api.people());
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(PERSON_KEY));
  const main = useRef<HTMLElement>(null);
  const [p0, p1, p2, p3] = route.parts;
  const routePerson = p0 === 'p' ? p1 : undefined;
  const list = people.data ?? [];
  const personId = routePerson ?? (list.some((p) => p.id === chosen) ? chosen! : list[0]?.id);
  const person = list.find((p) => p.id === personId);

  useEffect(() => {
    if (routePerson && routePerson !== chosen) {
      setChosen(routePerson);
      localStorage.setItem(PERSON_KEY, routePerson);
    }
  }, [routePerson, chosen]);

  // New page: move focus to the main region so keyboard and screen reader users start there.
  const path = route.parts.join('/');
  useEffect(() => {
    if (path) main.current?.focus({ preventScroll: false });
  }, [path]);

  // Back from a SMART on FHIR authorization (/?connected=… or /?connection_error=…): show the connections.
  useEffect(() => {
    if (/[?&](connected|connection_error)=/.test(window.location.search) && !window.location.hash) go('#/connections');
  }, []);

  const [q, setQ] = useState(route.query.get('q') ?? '');
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    go(href(['search'], { q, person: personId }));
  };

  const switchPerson = (id: string) => {
    localStorage.setItem(PERSON_KEY, id);
    setChosen(id);
    if (p0 === 'p') go(href(['p', id, p2, p2 === 'list' ? p3 : undefined]));
    else if (!p0) go(href(['p', id]));
  };

  // Each page's code is its own chunk (routes.ts). A person's page named in the address is drawn
  // at once: it does not wait for the household list, which only fills the header.
  const { Home, Import, Search, DocumentViewer, Documents, Connections, Account, Labs, Timeline, Answers, HealthForm, Sharing, Access, Conflicts, Imaging, ListPage } = Pages;
  const name = pageOf(route);
  let page;
  if (people.error && !routePerson) page = <Status error={people.error} what="the household" />;
  else if (!people.data && !routePerson) page = <Status loading what="the household" />;
  else if (name === 'import') page = <Import onImported={people.reload} />;
  else if (name === 'search') page = <Search query={route.query.get('q') ?? ''} personId={route.query.get('person') ?? undefined} people={list} />;
  else if (name === 'document') page = <DocumentViewer id={p1} page={Number(route.query.get('page')) || undefined} query={route.query.get('q')} resourceId={route.query.get('resource')} />;
  else if (name === 'documents') page = <Documents personId={personId} personName={person?.displayName} />;
  else if (name === 'connections') page = <Connections />;
  else if (name === 'account') page = <Account username={account.username} />;
  else if (!personId)
    page = (
      <div>
        <h1>Welcome to Vessel</h1>
        <p>Nobody's records are here yet. Start by importing what you have: downloads from patient portals, faxes, scans, CDs.</p>
        <p>
          <a className="button" href="#/import">
            Import records
          </a>
        </p>
      </div>
    );
  else if (name === 'labs') page = <Labs personId={personId} kind={p2 as 'labs' | 'vitals'} groupKey={p3} />;
  else if (name === 'timeline') page = <Timeline personId={personId} from={route.query.get('from') ?? undefined} to={route.query.get('to') ?? undefined} types={route.query.get('types') ?? undefined} channel={route.query.get('channel') ?? undefined} facility={route.query.get('facility') ?? undefined} document={route.query.get('document') ?? undefined} offset={Number(route.query.get('offset')) || 0} />;
  else if (name === 'answers') page = <Answers personId={personId} />;
  else if (name === 'form') page = <HealthForm personId={personId} />;
  else if (name === 'sharing') page = <Sharing personId={personId} />;
  else if (name === 'access') page = <Access personId={personId} me={account.username} />;
  else if (name === 'conflicts') page = <Conflicts personId={personId} />;
  else if (name === 'imaging') page = <Imaging personId={personId} studyUid={p3} seriesUid={route.query.get('series') ?? undefined} />;
  else if (name === 'list') page = <ListPage key={p3} personId={personId} kind={p3 as ListKind} />;
  else page = <Home personId={personId} />;

  const current = (h: string) => (window.location.hash === h || (h.length > 2 && window.location.hash.startsWith(h + '?')) ? 'page' : undefined);
  const nav: Array<[string, string]> = personId
    ? [
        [href(['p', personId]), 'Home'],
        [href(['p', personId, 'timeline']), 'Timeline'],
        [href(['p', personId, 'labs']), 'Labs'],
        [href(['p', personId, 'vitals']), 'Vitals'],
        ...NAV_LISTS.map((k): [string, string] => [href(['p', personId, 'list', k]), LIST_TITLES[k]]),
        [href(['p', personId, 'imaging']), 'Imaging'],
        [href(['p', personId, 'answers']), 'Answers'],
        [href(['p', personId, 'form']), 'Health form'],
        [href(['p', personId, 'sharing']), 'Sharing'],
        [href(['p', personId, 'conflicts']), 'Conflicts'],
        [href(['p', personId, 'access']), 'Access'],
        ['#/documents', 'Documents'],
        ['#/import', 'Import'],
        ['#/connections', 'Connections'],
      ]
    : [
        ['#/documents', 'Documents'],
        ['#/import', 'Import'],
        ['#/connections', 'Connections'],
      ];

  return (
    <>
      <button type="button" className="skip" onClick={() => main.current?.focus()}>
        Skip to content
      </button>
      <header className="top">
        <a className="brand" href={personId ? href(['p', personId]) : '#/'}>
          Vessel
        </a>
        {list.length > 0 && (
          <div className="switcher">
            <label htmlFor="person">Person</label>
            <select id="person" value={personId} onChange={(e) => switchPerson(e.target.value)}>
              {list.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.displayName}
                  {p.birthDate ? ` (${p.birthDate.slice(0, 4)})` : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        <form role="search" className="searchbox" onSubmit={onSearch}>
          <label htmlFor="q" className="visually-hidden">
            Search all records
          </label>
          <input id="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Search records" />
          <button type="submit">Search</button>
        </form>
        <div className="account">
          <a className="account-name" href="#/account" aria-current={current('#/account')} title="Your account and passkeys">
            {account.username}
          </a>
          <button type="button" className="link" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <nav className="sections" aria-label="Sections">
        <ul>
          {nav.map(([h, label]) => (
            <li key={label}>
              <a href={h} aria-current={current(h)}>
                {label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        {person && p0 === 'p' && p2 && <p className="person-line muted">{person.displayName}</p>}
        <PageBoundary resetKey={path}>
          <Suspense fallback={<Status loading what="the page" />}>{page}</Suspense>
        </PageBoundary>
      </main>
    </>
  );
}

/**
 * One page of an original as the server draws it (PDF, TIFF, JPEG, PNG), with the page's words
 * laid over it as transparent, selectable SVG text at their boxes, search hits marked, and the
 * fact being looked at outlined. The SVG uses the page's own coordinate space (viewBox) and is
 * stretched over the picture, so no inline style is needed (the CSP forbids it). The words are
 * fetched only once the page comes near the screen: a 200-page fax does not ask for them all.
 */
import { useEffect, useRef, useState } from 'react';
import { api, type PageLayout } from '../api.ts';
import { useApi } from '../useApi.ts';
import { queryMatcher } from './Highlight.tsx';

type Box = [number, number, number, number];

/** True once the element has come within a screen of the viewport (then stays true). */
export function useNearScreen<T extends Element>(): [React.RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    if (typeof IntersectionObserver === 'undefined') return setNear(true);
    const io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: '100% 0px' });
    io.observe(el);
    return () => io.disconnect();
  }, [near]);
  return [ref, near];
}

export function PagePicture({ documentId, page, query, factBox, filename }: { documentId: string; page: number; query?: string | null; factBox?: Box; filename: string }) {
  const [ref, near] = useNearScreen<HTMLDivElement>();
  const [failed, setFailed] = useState(false);
  const layout = useApi<PageLayout>(near ? api.pageWords(documentId, page) : null).data;
  const re = queryMatcher(query);
  const hits = re && layout ? layout.words.filter((w) => (re.lastIndex = 0, re.test(w.text))) : [];
  const pad = layout?.width ? layout.width / 300 : 2;
  if (failed) return <p className="muted">The picture of page {page} could not be drawn; its text is below.</p>;
  return (
    <div className="page-picture" ref={ref}>
      <img src={api.pageImage(documentId, page)} alt={`Page ${page} of ${filename}, as received`} loading="lazy" onError={() => setFailed(true)} />
      {layout?.width && layout.height && (
        <svg className="page-overlay" viewBox={`0 0 ${layout.width} ${layout.height}`} preserveAspectRatio="none" aria-hidden="true">
          {hits.map((w, i) => (
            <rect key={`h${i}`} className="page-hit" x={w.box[0] - pad} y={w.box[1] - pad} width={w.box[2] - w.box[0] + 2 * pad} height={w.box[3] - w.box[1] + 2 * pad} />
          ))}
          {factBox && <rect className="page-fact" x={factBox[0] - 2 * pad} y={factBox[1] - 2 * pad} width={factBox[2] - factBox[0] + 4 * pad} height={factBox[3] - factBox[1] + 4 * pad} />}
          {layout.words.map((w, i) => {
            const h = w.box[3] - w.box[1];
            const wd = w.box[2] - w.box[0];
            return h > 0 && wd > 0 ? (
              <text key={i} className="page-word" x={w.box[0]} y={w.box[3] - h * 0.18} fontSize={h} textLength={wd} lengthAdjust="spacingAndGlyphs">
                {w.text}
              </text>
            ) : null;
          })}
        </svg>
      )}
    </div>
  );
}

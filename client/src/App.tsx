import { lazy, Suspense } from 'react';
import { useLocation, onLinkClick } from './router';
import { HomePage } from './reporter/home';
import { ReleasePage } from './reporter/release';
import { ReleasePreviewPage } from './reporter/release-preview-page';
import { BookPage } from './reporter/book';
import { ManagePage } from './reporter/manage';

// The press-office console is most of the client's code and no reporter ever
// opens it: it is a chunk of its own, fetched on the first visit to /desk.
const DeskPage = lazy(() => import('./desk/console').then((module) => ({ default: module.DeskPage })));

function Page() {
  const { path, search } = useLocation();
  const query = new URLSearchParams(search);
  let match: RegExpExecArray | null;
  if ((match = /^\/releases\/([^/]+)$/.exec(path))) return <ReleasePage slug={decodeURIComponent(match[1]!)} />;
  if ((match = /^\/preview\/([A-Za-z0-9_-]+)$/.exec(path))) return <ReleasePreviewPage token={match[1]!} />;
  if ((match = /^\/book\/([^/]+)$/.exec(path))) return <BookPage spokesperson={decodeURIComponent(match[1]!)} releaseId={query.get('release') ?? undefined} />;
  if ((match = /^\/manage\/([^/]+)$/.exec(path))) return <ManagePage reference={decodeURIComponent(match[1]!)} token={query.get('token') ?? ''} isNew={query.get('new') === '1'} />;
  if (path === '/desk' || path.startsWith('/desk/')) {
    return (
      <Suspense fallback={<p role="status">Loading the press office console…</p>}>
        <DeskPage />
      </Suspense>
    );
  }
  if (path === '/') return <HomePage />;
  return (
    <>
      <h1>Page not found</h1>
      <p>
        <a href="/" onClick={onLinkClick}>Back to the press office</a>
      </p>
    </>
  );
}

export function App() {
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="site-header">
        <a className="brand" href="/" onClick={onLinkClick}>Interview Desk</a>
        <a className="header-link" href="/desk" onClick={onLinkClick}>Press office</a>
      </header>
      <main id="main">
        <Page />
      </main>
    </>
  );
}

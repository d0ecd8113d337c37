import { lazy, Suspense, useEffect } from 'react';
import { useLocation, onLinkClick } from './router';
import { I18nProvider, LANGUAGES, LANGUAGE_NATIVE_NAMES, useI18n, isLanguage } from './i18n/i18n';
import { BookPage } from './reporter/book';

// The booking page is the one reporters arrive on from links and embeds, and
// the only one in the main chunk (its budget: #11, #13). The other reporter
// pages are small chunks fetched when opened.
const HomePage = lazy(() => import('./reporter/home').then((module) => ({ default: module.HomePage })));
const ReleasePage = lazy(() => import('./reporter/release').then((module) => ({ default: module.ReleasePage })));
const ReleasePreviewPage = lazy(() => import('./reporter/release-preview-page').then((module) => ({ default: module.ReleasePreviewPage })));
const ManagePage = lazy(() => import('./reporter/manage').then((module) => ({ default: module.ManagePage })));
const TopicWidgetPage = lazy(() => import('./reporter/widgets').then((module) => ({ default: module.TopicWidgetPage })));
const ReleaseWidgetPage = lazy(() => import('./reporter/widgets').then((module) => ({ default: module.ReleaseWidgetPage })));

// The press-office console is most of the client's code and no reporter ever
// opens it: it is a chunk of its own, fetched on the first visit to /desk.
const DeskPage = lazy(() => import('./desk/console').then((module) => ({ default: module.DeskPage })));

function ReporterPage({ path, query }: { path: string; query: URLSearchParams }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<p role="status">{t('loading')}</p>}>
      <ReporterRoute path={path} query={query} />
    </Suspense>
  );
}

function ReporterRoute({ path, query }: { path: string; query: URLSearchParams }) {
  const { t } = useI18n();
  let match: RegExpExecArray | null;
  if ((match = /^\/releases\/([^/]+)$/.exec(path))) return <ReleasePage slug={decodeURIComponent(match[1]!)} />;
  if ((match = /^\/preview\/([A-Za-z0-9_-]+)$/.exec(path))) return <ReleasePreviewPage token={match[1]!} />;
  if ((match = /^\/embed\/topic\/([^/]+)$/.exec(path))) return <TopicWidgetPage topic={decodeURIComponent(match[1]!)} />;
  if ((match = /^\/embed\/releases\/([^/]+)$/.exec(path))) return <ReleaseWidgetPage slug={decodeURIComponent(match[1]!)} />;
  if ((match = /^\/(?:embed\/)?book\/([^/]+)$/.exec(path))) return <BookPage spokesperson={decodeURIComponent(match[1]!)} releaseId={query.get('release') ?? undefined} />;
  if ((match = /^\/manage\/([^/]+)$/.exec(path))) return <ManagePage reference={decodeURIComponent(match[1]!)} token={query.get('token') ?? ''} isNew={query.get('new') === '1'} />;
  if (path === '/') return <HomePage />;
  return (
    <>
      <h1>{t('notFound.heading')}</h1>
      <p>
        <a href="/" onClick={onLinkClick}>
          {t('notFound.back')}
        </a>
      </p>
    </>
  );
}

/** The reporter's language, switchable on every reporter page (remembered on this device). */
function LanguageSwitcher() {
  const { t, language, setLanguage } = useI18n();
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('header.language')}</span>
      <select value={language} onChange={(event) => isLanguage(event.target.value) && setLanguage(event.target.value)}>
        {LANGUAGES.map((tag) => (
          <option key={tag} value={tag} lang={tag}>
            {LANGUAGE_NATIVE_NAMES[tag]}
          </option>
        ))}
      </select>
    </label>
  );
}

/** True inside another site's frame (the booking widget, client/public/embed.js). */
function isEmbedded(): boolean {
  try {
    return window.self !== window.top;
  } catch {
    return true; // a cross-origin parent refuses the comparison
  }
}

/** Inside a frame: tells the embedding page how tall the content is, whenever it changes, so the frame fits it. */
function useReportHeight(embedded: boolean) {
  useEffect(() => {
    if (!embedded) return;
    const report = () => window.parent.postMessage({ type: 'interview-desk:height', height: document.documentElement.scrollHeight }, '*');
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    report();
    return () => observer.disconnect();
  }, [embedded]);
}

function ReporterShell({ path, query }: { path: string; query: URLSearchParams }) {
  const { t } = useI18n();
  const embedded = isEmbedded();
  useReportHeight(embedded);
  if (embedded) {
    // In the widget: no site header, the language switcher above the page.
    return (
      <main id="main" className="embedded">
        <div className="embedded-bar">
          <LanguageSwitcher />
        </div>
        <ReporterPage path={path} query={query} />
      </main>
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        {t('header.skip')}
      </a>
      <header className="site-header">
        <a className="brand" href="/" onClick={onLinkClick}>
          Interview Desk
        </a>
        <span className="header-end">
          <LanguageSwitcher />
          <a className="header-link" href="/desk" onClick={onLinkClick}>
            {t('header.pressOffice')}
          </a>
        </span>
      </header>
      <main id="main">
        <ReporterPage path={path} query={query} />
      </main>
    </>
  );
}

export function App() {
  const { path, search } = useLocation();
  const desk = path === '/desk' || path.startsWith('/desk/');
  // Reporter pages follow the system's light or dark theme; the console stays light for now.
  useEffect(() => {
    document.documentElement.dataset.area = desk ? 'desk' : 'reporter';
  }, [desk]);
  if (desk) {
    // Staff pages stay English.
    return (
      <I18nProvider language="en">
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <a className="brand" href="/" onClick={onLinkClick}>Interview Desk</a>
          <a className="header-link" href="/desk" onClick={onLinkClick}>Press office</a>
        </header>
        <main id="main">
          <Suspense fallback={<p role="status">Loading the press office console…</p>}>
            <DeskPage />
          </Suspense>
        </main>
      </I18nProvider>
    );
  }
  return (
    <I18nProvider>
      <ReporterShell path={path} query={new URLSearchParams(search)} />
    </I18nProvider>
  );
}

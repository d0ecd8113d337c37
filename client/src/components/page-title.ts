import { useEffect, useLayoutEffect } from 'react';

const SITE = 'Interview Desk';

/** Sets the document's <title> while the page is shown ("Queue · Interview Desk"). */
export function usePageTitle(title: string | null | undefined) {
  useEffect(() => {
    if (!title) return;
    document.title = `${title} · ${SITE}`;
  }, [title]);
}

/**
 * The console section's title, set again on every change of `path`. A layout
 * effect, so it runs before the page's own usePageTitle (a passive effect):
 * a page inside the section ("New spokesperson", one interview) has the last
 * word, and going back to the section's list restores the section's title.
 */
export function useSectionTitle(title: string | null | undefined, path: string) {
  useLayoutEffect(() => {
    if (!title) return;
    document.title = `${title} · ${SITE}`;
  }, [title, path]);
}

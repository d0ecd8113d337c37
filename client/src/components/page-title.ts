import { useEffect } from 'react';

const SITE = 'Interview Desk';

/** A page's full <title>: "Queue · Interview Desk" (also written by the server for the booking page's first view). */
export const fullTitle = (title: string) => `${title} · ${SITE}`;

/**
 * Titles asked for by the mounted pages, by level. React runs a child's
 * effects before its parent's, so "last one wins" would let the console's
 * section name overwrite the contact a page inside it names: the deepest
 * level mounted wins instead.
 */
const mounted: { title: string; level: number }[] = [];

function show() {
  const deepest = mounted.reduce<(typeof mounted)[number] | undefined>((best, entry) => (!best || entry.level >= best.level ? entry : best), undefined);
  if (deepest) document.title = fullTitle(deepest.title);
}

/**
 * Sets the document's <title> while the page is shown ("Queue · Interview Desk").
 * A page inside a section passes a higher `level` (a contact's name inside
 * "Media contacts") so that its title wins while it is shown.
 */
export function usePageTitle(title: string | null | undefined, level = 0) {
  useEffect(() => {
    if (!title) return;
    const entry = { title, level };
    mounted.push(entry);
    show();
    return () => {
      mounted.splice(mounted.indexOf(entry), 1);
      show();
    };
  }, [title, level]);
}

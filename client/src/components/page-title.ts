import { useEffect } from 'react';

const SITE = 'Interview Desk';

/** Sets the document's <title> while the page is shown ("Queue · Interview Desk"). */
export function usePageTitle(title: string | null | undefined) {
  useEffect(() => {
    if (!title) return;
    document.title = `${title} · ${SITE}`;
  }, [title]);
}

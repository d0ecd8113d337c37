// The app's side of the booking page's first view (first-view.ts): the time
// a reporter chose in it, and its removal once the app shows the page.
import { FIRST_VIEW_CHOICE_ATTRIBUTE, FIRST_VIEW_DATA_ID, FIRST_VIEW_ID } from './first-view-data';

/** The start (epoch ms) of the time the reporter chose in the first view, if they chose one before the app took over. */
export function firstViewChoice(): number | undefined {
  const value = document.getElementById(FIRST_VIEW_ID)?.getAttribute(FIRST_VIEW_CHOICE_ATTRIBUTE);
  return value ? Number(value) : undefined;
}

/**
 * Removes the first view, which shows the app's #root (hidden beside it by
 * styles.css). Called in a layout effect, so the swap happens in one frame.
 */
export function removeFirstView(): void {
  document.getElementById(FIRST_VIEW_ID)?.remove();
  document.getElementById(FIRST_VIEW_DATA_ID)?.remove();
}

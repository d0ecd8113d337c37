// Inside the booking widget (/embed/…), links between reporter pages stay on
// /embed/… paths: only those may be framed (server/app.ts), so a reload or a
// link opened in the frame keeps working.
export function embedPath(path: string): string {
  return typeof location !== 'undefined' && location.pathname.startsWith('/embed/') ? `/embed${path}` : path;
}

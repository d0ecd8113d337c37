import { launchChromium, startDemoServer } from '../tests/browser/support';
const OBS = `(() => {
  const visible = () => [...document.querySelectorAll('.slot')].some((slot) => { const box = slot.getBoundingClientRect(); return box.width > 0 && box.height > 0; });
  const observer = new MutationObserver(() => {
    if (window.__firstSlotMs === undefined && visible()) { window.__firstSlotMs = performance.now(); observer.disconnect(); }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();`;
const server = await startDemoServer();
const browser = await launchChromium();
for (let run = 0; run < 6; run++) {
  const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 375, height: 800 } });
  await context.addInitScript(OBS);
  const page = await context.newPage();
  await page.goto(`${server.base}/book/hector-guerra`);
  await page.waitForFunction(() => (window as any).__firstSlotMs !== undefined);
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const res = performance.getEntriesByType('resource').map((e: any) => `${new URL(e.name).pathname.slice(0, 40)} start=${Math.round(e.startTime)} reqStart=${Math.round(e.requestStart)} respStart=${Math.round(e.responseStart)} end=${Math.round(e.responseEnd)}`);
    return { navResp: Math.round(nav.responseEnd), dcl: Math.round(nav.domContentLoadedEventEnd), first: Math.round((window as any).__firstSlotMs), res, marks: performance.getEntriesByType('mark').map((m) => `${m.name}=${Math.round(m.startTime)}`) };
  });
  console.log(JSON.stringify(r));
  await context.close();
}
await browser.close();
await server.close?.();
process.exit(0);

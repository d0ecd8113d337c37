import { launchChromium, startDemoServer } from '../tests/browser/support';
const server = await startDemoServer();
const browser = await launchChromium();
for (let run = 0; run < 3; run++) {
  const context = await browser.newContext({ timezoneId: 'America/New_York', locale: 'en-US', viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'blink.user_timing', 'loading', 'disabled-by-default-devtools.timeline'] });
  await page.goto(`${server.base}/book/hector-guerra`);
  await page.waitForSelector('.slot');
  const buf = await browser.stopTracing();
  if (run < 2) { await context.close(); continue; }
  const { traceEvents } = JSON.parse(buf.toString());
  const nav = traceEvents.find((e: any) => e.name === 'navigationStart' || e.name === 'NavigationStart' )
  const t0 = nav ? nav.ts : Math.min(...traceEvents.filter((e:any)=>e.ts>0).map((e: any) => e.ts));
  const main = traceEvents.filter((e: any) => e.ph === 'X' && e.dur > 3000 && ['ParseHTML','EvaluateScript','v8.compile','v8.compileModule','v8.evaluateModule','FunctionCall','Layout','UpdateLayoutTree','Paint','RunTask','TimerFire','EventDispatch','v8.run','CompileScript','v8.parseOnBackground','ScheduleStyleRecalculation','Commit','PrePaint','ResourceReceivedData','XHRLoad','v8.produceModuleCache','V8.GC_MC_BACKGROUND_MARKING'].includes(e.name));
  const fc = traceEvents.find((e: any) => e.name === 'FunctionCall' && JSON.stringify(e.args?.data ?? {}).includes('index-'));
  const tid = fc?.tid; const pid = fc?.pid;
  const all = traceEvents.filter((e: any) => e.ph === 'X' && e.dur > 1500 && e.pid === pid && e.tid === tid);
  const marks = traceEvents.filter((e: any) => ['navigationStart','responseEnd','domContentLoadedEventEnd','firstContentfulPaint','ResourceSendRequest','ResourceFinish'].includes(e.name) && e.pid === pid);
  for (const e of [...all, ...marks].sort((a: any, b: any) => a.ts - b.ts)) console.log(((e.ts - t0) / 1000).toFixed(0).padStart(6), ((e.dur ?? 0) / 1000).toFixed(1).padStart(7), e.name, JSON.stringify(e.args?.data?.url ?? e.args?.data?.functionName ?? '').slice(0,70));
  const others = traceEvents.filter((e: any) => e.ph === 'X' && e.dur > 1000 && (e.pid !== pid));
  const byPid = new Map(); for (const e of others) byPid.set(e.pid, (byPid.get(e.pid) ?? 0) + e.dur);
  console.log('other processes busy ms', JSON.stringify([...byPid].map(([p, d]) => [p, Math.round(d/1000)])));
  if (false) for (const e of main.sort((a: any, b: any) => a.ts - b.ts)) console.log(((e.ts - t0) / 1000).toFixed(0).padStart(6), (e.dur / 1000).toFixed(1).padStart(7), e.name, e.tid, JSON.stringify(e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.fileName ?? '').slice(0,80));
  await context.close();
}
await browser.close();
process.exit(0);

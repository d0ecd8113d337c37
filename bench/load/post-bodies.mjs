// Runs autocannon (as its own process) POSTing a list of distinct JSON bodies
// from a file, one per request, and prints autocannon's JSON result.
// Usage: node bench/load/post-bodies.mjs <url> <bodies.json> <connections> <seconds>
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [url, file, connections, seconds] = process.argv.slice(2);
if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url)) throw new Error('load only targets 127.0.0.1');
const bodies = JSON.parse(readFileSync(file, 'utf8'));
let next = 0;
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      setupRequest: (request) => ({ ...request, body: JSON.stringify(bodies[next++ % bodies.length]) }),
    },
  ],
});
process.stdout.write(JSON.stringify({ result, used: next }));

// Runs autocannon (as its own process) GETting a list of paths from a file, in
// turn across all connections (each request the next path), and prints
// autocannon's JSON result with the number of paths used.
// Usage: node bench/load/get-paths.mjs <base url> <paths.json> <connections> <seconds> [first index]
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [url, file, connections, seconds, first] = process.argv.slice(2);
if (!/^http:\/\/127\.0\.0\.1:\d+\/?$/.test(url)) throw new Error('load only targets 127.0.0.1');
const paths = JSON.parse(readFileSync(file, 'utf8'));
let next = Number(first ?? 0);
const start = next;
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(seconds),
  requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
});
process.stdout.write(JSON.stringify({ result, used: next - start }));

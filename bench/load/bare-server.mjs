// The yardstick: a bare node:http server that answers each recorded path with
// the bytes Interview Desk answered it with (read from <answers.bin> and its
// index), and 404 otherwise. What the hardware and Node's HTTP layer can do
// with the same answers, and nothing else. Prints its port on stdout.
// Usage: node bench/load/bare-server.mjs <index.json> <answers.bin>
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [indexFile, blobFile] = process.argv.slice(2);
const blob = readFileSync(blobFile);
const answers = new Map();
let offset = 0;
for (const [path, length] of JSON.parse(readFileSync(indexFile, 'utf8'))) {
  answers.set(path, blob.subarray(offset, offset + length));
  offset += length;
}
const server = createServer((request, response) => {
  const body = answers.get(request.url);
  if (!body) {
    response.statusCode = 404;
    return response.end();
  }
  response.setHeader('Content-Type', 'application/json');
  response.setHeader('Content-Length', body.length);
  response.end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));

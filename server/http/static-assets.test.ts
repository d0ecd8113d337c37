// The built client over real HTTP: precompressed files chosen from
// Accept-Encoding, year-long immutable caching for hashed assets, index.html
// revalidated. Raw node:http requests, so nothing decodes behind our back.
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressAssets } from '../client-build';
import { IMMUTABLE_CACHE, staticAssets } from './static-assets';

let folder: string;
let server: Server;
let port: number;
const script = `export function hello(){return ${JSON.stringify('hello '.repeat(2000))}}\n`;
const html = `<!doctype html><html><head><title>Interview Desk</title><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body>${'<p>x</p>'.repeat(200)}</body></html>`;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'static-assets-'));
  mkdirSync(join(folder, 'assets'));
  writeFileSync(join(folder, 'assets', 'index-Ab12Cd34.js'), script);
  writeFileSync(join(folder, 'assets', 'index-Ab12Cd34.js.map'), JSON.stringify({ mappings: 'A'.repeat(5000) }));
  writeFileSync(join(folder, 'assets', 'tiny-Zz99.css'), 'a{}');
  writeFileSync(join(folder, 'index.html'), html);
  await precompressAssets(folder);
  const assets = staticAssets(folder);
  const app = express();
  app.use(assets.files);
  app.get(/^\/(?!trpc).*/, assets.index);
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(folder, { recursive: true, force: true });
});

function get(path: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('precompressing the build', () => {
  it('writes brotli and gzip beside each text file, decoding to the same bytes; leaves out source maps and tiny files', () => {
    const file = join(folder, 'assets', 'index-Ab12Cd34.js');
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).toString()).toBe(script);
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString()).toBe(script);
    expect(readFileSync(`${file}.br`).length).toBeLessThan(script.length / 10);
    expect(existsSync(join(folder, 'index.html.br'))).toBe(true);
    expect(existsSync(`${file}.map.br`)).toBe(false);
    expect(existsSync(join(folder, 'assets', 'tiny-Zz99.css.gz'))).toBe(false);
  });
});

describe('serving the build', () => {
  it('sends brotli to a browser that accepts it, cached for a year as immutable', async () => {
    const response = await get('/assets/index-Ab12Cd34.js', 'gzip, deflate, br, zstd');
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(response.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    expect(response.headers.vary).toMatch(/Accept-Encoding/i);
    expect(brotliDecompressSync(response.body).toString()).toBe(script);
  });

  it('sends gzip when that is all the client accepts, and the plain file when it accepts neither', async () => {
    const gzipped = await get('/assets/index-Ab12Cd34.js', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzipped.body).toString()).toBe(script);
    const plain = await get('/assets/index-Ab12Cd34.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    const refused = await get('/assets/index-Ab12Cd34.js', 'br;q=0, gzip;q=0');
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('makes browsers revalidate index.html, for client routes too, compressed like the rest', async () => {
    for (const path of ['/index.html', '/manage/IR-7K3Q']) {
      const response = await get(path, 'br');
      expect(response.status).toBe(200);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-encoding']).toBe('br');
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(brotliDecompressSync(response.body).toString()).toBe(html);
    }
  });
});

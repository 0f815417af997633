// A small static file server for the tests and the browser benchmark: GET and HEAD on
// 127.0.0.1 only, files under `root` whose path starts with one of `prefixes`, with the
// extra response `headers` given (e.g. a Content-Security-Policy). Never lists folders.
import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Starts a server; resolves to `{ url, close }` where `url` ends with '/'.
 * @param {string} root folder served
 * @param {{ prefixes?: string[], headers?: Record<string, string> }} options
 */
export function serve(root, { prefixes = [''], headers = {} } = {}) {
  const base = path.resolve(root);
  const server = http.createServer(async (req, res) => {
    const send = (status, type, body) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'text/plain', 'GET or HEAD only\n');
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    } catch {
      return send(400, 'text/plain', 'bad path\n');
    }
    if (rel.split('/').some((part) => part === '..') || !prefixes.some((p) => rel.startsWith(p))) {
      return send(404, 'text/plain', 'not found\n');
    }
    let file = path.join(base, rel);
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      const body = await readFile(file);
      send(200, TYPES[path.extname(file)] ?? 'application/octet-stream', body);
    } catch {
      send(404, 'text/plain', 'not found\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        url: `http://127.0.0.1:${port}/`,
        // Open connections too: a page still holding one (keep-alive, a request
        // in flight) would keep close() waiting, and the test run with it.
        close: () => new Promise((done) => {
          server.close(done);
          server.closeAllConnections();
        }),
      });
    });
  });
}

import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where `npm run build` puts the dashboard. This file sits two folders below the package root both
 * as source (src/server) and as build output (dist/server), so one relative URL serves both.
 */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** Vite names every built asset after its content hash: such a file never changes, so it may be kept forever. */
const HASHED = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

/**
 * The dashboard's pages may load only what the server itself serves: no inline script, no third
 * party, no framing (clickjacking).
 */
const HTML_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export interface WebFile {
  readonly body: Uint8Array;
  readonly headers: Record<string, string>;
}

/**
 * The path of a request inside `root`, or undefined when it cannot name a file there: bad percent
 * encoding, a NUL, a backslash, or any `..` segment (checked after decoding, and again on the resolved path).
 */
function fileInside(root: string, pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').some((segment) => segment === '..')) return undefined;
  const base = resolve(root);
  const file = resolve(join(base, decoded));
  return file.startsWith(base + sep) ? file : undefined;
}

/**
 * Hashed assets read once, by file. Such a file's name changes with its content, so the copy never
 * goes stale; only files found are kept, so the cache holds at most the build. Kept in memory, an
 * asset is answered at its turn: a file read would yield, and let the board's answer (computed on
 * this same thread) go first while the page still waits for its script.
 */
const assets = new Map<string, Uint8Array>();

async function readRegularFile(file: string): Promise<Uint8Array | undefined> {
  try {
    if (!(await stat(file)).isFile()) return undefined;
    return await readFile(file);
  } catch {
    return undefined;
  }
}

function webFile(body: Uint8Array, file: string, pathname: string): WebFile {
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'content-type': type,
    'x-content-type-options': 'nosniff',
    'cache-control': HASHED.test(pathname) ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (type.startsWith('text/html')) {
    headers['content-security-policy'] = HTML_POLICY;
    headers['referrer-policy'] = 'no-referrer';
  }
  return { body, headers };
}

/**
 * The built dashboard as static files: `pathname` (the URL's path) answered from `root`. A path
 * without a file extension that names no file is a client route (`/units/treasury`,
 * `/public/lumen-protocol`) and gets `index.html`, so every page is linkable; a missing file with
 * an extension gets undefined (the caller answers 404). Nothing outside `root` is ever read.
 *
 * @example
 * await readWebFile({ root: DEFAULT_WEB_ROOT, pathname: '/orgs/lumen-protocol' }) // index.html
 */
export async function readWebFile(args: { root: string; pathname: string }): Promise<WebFile | undefined> {
  const pathname = args.pathname.endsWith('/') ? `${args.pathname}index.html` : args.pathname;
  const file = fileInside(args.root, pathname);
  if (file === undefined) return undefined;
  const hashed = HASHED.test(pathname);
  const kept = hashed ? assets.get(file) : undefined;
  if (kept !== undefined) return webFile(kept, file, pathname);
  const body = await readRegularFile(file);
  if (body !== undefined && hashed) assets.set(file, body);
  if (body !== undefined) return webFile(body, file, pathname);
  if (extname(pathname) !== '') return undefined;
  const index = join(resolve(args.root), 'index.html');
  const page = await readRegularFile(index);
  return page === undefined ? undefined : webFile(withPreloads(page, pathname), index, '/index.html');
}

/** The board's route (web/src/router.ts) and the one request that draws it (web/src/api.ts). */
const BOARD_ROUTE = /^\/orgs\/([a-z][a-z0-9-]{0,63})$/;

/**
 * The page with the data its route draws preloaded: the browser asks for the board's answer while
 * it still fetches and runs the script, which finds the answer waiting instead of asking only
 * then. `crossorigin` gives the preload the credentials mode of the script's own `fetch`, so the
 * two match and the answer is fetched once.
 */
function withPreloads(page: Uint8Array, pathname: string): Uint8Array {
  const board = BOARD_ROUTE.exec(pathname);
  if (board === null) return page;
  const html = Buffer.from(page).toString('utf8');
  const head = html.indexOf('</head>');
  if (head < 0) return page;
  const link = `<link rel="preload" href="/api/orgs/${board[1]}/board" as="fetch" crossorigin="anonymous" />\n  `;
  return Buffer.from(html.slice(0, head) + link + html.slice(head));
}

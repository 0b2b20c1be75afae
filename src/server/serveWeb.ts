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
  const body = await readRegularFile(file);
  if (body !== undefined) return webFile(body, file, pathname);
  if (extname(pathname) !== '') return undefined;
  const index = join(resolve(args.root), 'index.html');
  const page = await readRegularFile(index);
  return page === undefined ? undefined : webFile(page, index, '/index.html');
}

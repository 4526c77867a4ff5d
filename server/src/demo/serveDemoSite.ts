import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/** Options of {@link createDemoSiteHandler}. */
export interface DemoSiteOptions {
  /** Folder of the built demo page (`examples/demo/dist`). */
  dir: string;
  /** The API base path: requests below it never fall back to the page (they get JSON 404s). */
  basePath: string;
}

/**
 * Serves the built demo page with a single-page-app fallback (unknown paths answer index.html).
 * When the page is not built, every page request answers a short text page saying how to build it,
 * so `podium-server demo` still starts and the API still works.
 */
export function createDemoSiteHandler({ dir, basePath }: DemoSiteOptions) {
  const root = normalize(dir.endsWith(sep) ? dir : dir + sep);

  return async (c: Context): Promise<Response> => {
    const path = c.req.path;
    if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) return c.notFound();
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.notFound();

    const file = await resolveFile(root, path);
    if (file) {
      const immutable = path.startsWith('/assets/'); // Vite's content-hashed output
      return c.body(new Uint8Array(await readFile(file)), 200, {
        'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    const index = join(root, 'index.html');
    if (await isFile(index)) {
      return c.body(new Uint8Array(await readFile(index)), 200, {
        'content-type': contentTypes['.html']!,
        'cache-control': 'no-cache',
      });
    }
    return c.text(
      [
        'Podium demo server',
        '',
        `The demo UI is not built (nothing at ${root}).`,
        'Build it with `npm run build:demo` (or run `npm start`, which builds everything), then reload.',
        `The API is up meanwhile: try ${basePath}/health and ${basePath}/demo/users.`,
      ].join('\n'),
      200,
    );
  };
}

/** The file under `root` for a URL path, refusing dotfiles and anything that escapes `root`. */
async function resolveFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const candidate = normalize(join(root, decoded === '/' ? 'index.html' : decoded));
  if (!candidate.startsWith(root)) return undefined;
  // Dotfiles are not the page's (the build stamp .podium-build.json, editors' leftovers).
  if (
    candidate
      .slice(root.length)
      .split(sep)
      .some((segment) => segment.startsWith('.'))
  )
    return undefined;
  return (await isFile(candidate)) ? candidate : undefined;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

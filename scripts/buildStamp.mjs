// Build reuse for `npm start`: a SHA-256 over the contents of a build's inputs, stored in a stamp
// file inside the build's output folder. A build is reused only when its stamp names the same
// hash, so a `git pull` (or any edit) that changes an input rebuilds it. The stamp lives in the
// output folder because both builds empty that folder first (tsup `clean`, vite `emptyOutDir`):
// any other build of it, finished or not, removes the stamp and the next start rebuilds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const stampName = '.podium-build.json';
/** Never inputs: installed packages, build outputs, caches and VCS data. */
const skipped = new Set(['node_modules', 'dist', 'storybook-static', 'coverage', '.git']);

function listFiles(path, files) {
  if (!existsSync(path)) return;
  if (!statSync(path).isDirectory()) {
    files.push(path);
    return;
  }
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    if (skipped.has(entry.name) || entry.name.startsWith('.')) continue;
    listFiles(join(path, entry.name), files);
  }
}

/**
 * The hash of `inputs` (files or folders, relative to `root`): every file's path and content, in
 * a fixed order. Contents, not mtimes: a checkout restores old mtimes as easily as new ones.
 */
export function hashInputs(root, inputs, extra = '') {
  const files = [];
  for (const input of inputs) listFiles(join(root, input), files);
  const hash = createHash('sha256').update(extra);
  for (const file of files.map((path) => relative(root, path).split(sep).join('/')).sort()) {
    hash.update(`\0${file}\0`).update(readFileSync(join(root, file)));
  }
  return { hash: hash.digest('hex'), files: files.length };
}

/** Whether `outDir` holds a complete build of exactly these inputs. */
export function isFresh(outDir, hash) {
  try {
    return JSON.parse(readFileSync(join(outDir, stampName), 'utf8')).hash === hash;
  } catch {
    return false;
  }
}

/** Marks `outDir` as built from `hash` (call only after the build succeeded). */
export function writeStamp(outDir, hash) {
  writeFileSync(join(outDir, stampName), `${JSON.stringify({ hash, builtAt: new Date().toISOString() })}\n`);
}

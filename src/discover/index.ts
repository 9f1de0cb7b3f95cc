// Discovery: which files under the input root are plans to extract, and which are skipped and why.
// Reads directory entries and stats only; never opens a file.
import { readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { LEGACY_EXTENSIONS, SUPPORTED_EXTENSIONS } from '../text/formats.js';


export interface DiscoveredFile {
  /** Path relative to the root, always with `/` separators (the key in the store and under records/). */
  rel: string;
  size: number;
  mtimeMs: number;
}

export interface SkippedEntry {
  rel: string;
  why: string;
}

export interface Discovery {
  /** The folder paths are relative to (the input itself, or a single file's folder). */
  root: string;
  files: DiscoveredFile[];
  skipped: SkippedEntry[];
}

export interface DiscoverOptions {
  include?: string[];
  exclude?: string[];
  /** Absolute folders never to enter (e.g. the output folder when it sits inside the input). */
  excludeDirs?: string[];
  /** Follow file symlinks whose target is outside the input folder (default: skipped, with a line saying so). */
  followExternalLinks?: boolean;
}

/** What a non-regular entry is, for its skip line ("named pipe (FIFO)"), or null for a file or folder. */
function specialKind(st: Pick<Stats, 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>): string | null {
  if (st.isFIFO()) return 'named pipe (FIFO)';
  if (st.isSocket()) return 'socket';
  if (st.isBlockDevice()) return 'block device';
  if (st.isCharacterDevice()) return 'character device';
  return null;
}

/** Office lock and temp files: Word's owner file `~$x.docx`, LibreOffice's `.~lock.x#`, Word's `~WRL0001.tmp`. */
export function isOfficeLockOrTemp(name: string): boolean {
  return name.startsWith('~$') || /^\.~lock\..*#$/.test(name) || /^~.*\.tmp$/i.test(name);
}

/** Why a file name is not a plan we read, or null if it is a candidate. Pure: decides on the name alone. */
export function skipReason(name: string): string | null {
  if (isOfficeLockOrTemp(name)) return 'Office lock/temp file';
  if (name.startsWith('.')) return 'hidden file';
  // A folder's README describes the folder (as in a shared drive or this repo's fixtures); it is not a plan.
  if (/^readme(\.(md|markdown|txt))?$/i.test(name)) return 'a README describing the folder, not a plan';
  const ext = extname(name).toLowerCase();
  if ((SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) return null;
  if ((LEGACY_EXTENSIONS as readonly string[]).includes(ext)) return null;
  return ext
    ? `unsupported file type ${ext} (supported: ${SUPPORTED_EXTENSIONS.join(' ')})`
    : `no file extension (supported: ${SUPPORTED_EXTENSIONS.join(' ')})`;
}

/** As .gitignore does: a glob without a slash ("*.pdf", "drafts") matches that name at any depth, as a file or a folder. */
export function anyDepth(globs: string[]): string[] {
  return globs.flatMap((g) => (g.includes('/') ? [g] : [`**/${g}`, `**/${g}/**`]));
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/**
 * Every candidate file under `input` (a folder, or a single file), sorted by path, plus one entry per skipped
 * file or folder saying why. Unreadable folders are skipped with their error, not fatal.
 */
export async function discoverFiles(input: string, options: DiscoverOptions = {}): Promise<Discovery> {
  const abs = resolve(input);
  const top = await stat(abs); // throws for a missing input: the caller turns that into exit status 2
  const root = top.isDirectory() ? abs : dirname(abs);
  const included = options.include?.length ? picomatch(anyDepth(options.include), { dot: true }) : () => true;
  const excluded = options.exclude?.length ? picomatch(anyDepth(options.exclude), { dot: true }) : () => false;
  const excludeDirs = new Set((options.excludeDirs ?? []).map((d) => resolve(d)));
  const files: DiscoveredFile[] = [];
  const skipped: SkippedEntry[] = [];
  // Symlink targets are compared with the real input folder (which may itself be reached through a link).
  const realRoot = await realpath(root).catch(() => root);
  const inside = (target: string) => target === realRoot || target.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);

  const consider = (rel: string, size: number, mtimeMs: number) => {
    // Globs filter silently: the user asked for them. Name-based skips are reported.
    if (!included(rel) || excluded(rel)) return;
    const why = skipReason(basename(rel));
    if (why) skipped.push({ rel, why });
    else files.push({ rel, size, mtimeMs });
  };

  if (!top.isDirectory()) {
    consider(basename(abs), top.size, top.mtimeMs);
    return { root, files, skipped };
  }

  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      skipped.push({ rel: toPosix(relative(root, dir)) || '.', why: `folder cannot be read: ${(err as Error).message}` });
      return;
    }
    // Entries are stat'ed concurrently: on a network share each stat is a round trip.
    await Promise.all(entries.map(async (entry) => {
      const full = join(dir, entry.name);
      const rel = toPosix(relative(root, full));
      if (excludeDirs.has(full)) return;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let st: Awaited<ReturnType<typeof stat>> | null = null;
      if (entry.isSymbolicLink()) {
        try {
          st = await stat(full);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          const why = code === 'ELOOP' ? 'symbolic link loop (not followed)'
            : code === 'ENOENT' ? 'broken symbolic link (its target does not exist)'
            : `symbolic link cannot be followed: ${(err as Error).message}`;
          skipped.push({ rel, why });
          return;
        }
        if (st.isDirectory()) {
          // Following linked folders risks loops and double counting on shared drives.
          skipped.push({ rel, why: 'symbolic link to a folder (not followed)' });
          return;
        }
        isFile = st.isFile();
        isDir = false;
        const special = specialKind(st);
        if (special) {
          skipped.push({ rel, why: `symbolic link to a ${special}, not a regular file` });
          return;
        }
        if (isFile && !options.followExternalLinks) {
          const target = await realpath(full).catch(() => null);
          if (target === null || !inside(target)) {
            // A link out of the input would extract (and store) content the input's owner may not mean to share.
            skipped.push({ rel, why: 'symbolic link to a file outside the input folder (--follow-external-links to follow it)' });
            return;
          }
        }
      }
      if (isDir) {
        if (entry.name.startsWith('.')) {
          skipped.push({ rel: `${rel}/`, why: 'hidden folder' });
          return;
        }
        await walk(full);
      } else if (isFile) {
        if (!included(rel) || excluded(rel)) return;
        if (skipReason(entry.name)) {
          consider(rel, 0, 0);
          return;
        }
        try {
          st ??= await stat(full);
        } catch (err) {
          skipped.push({ rel, why: `cannot stat: ${(err as Error).message}` });
          return;
        }
        consider(rel, st.size, st.mtimeMs);
      } else {
        const special = specialKind(entry) ?? 'special file';
        if (included(rel) && !excluded(rel)) skipped.push({ rel, why: `${special}, not a regular file` });
      }
    }));
  };
  await walk(root);
  const byRel = (a: { rel: string }, b: { rel: string }) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0);
  return { root, files: files.sort(byRel), skipped: skipped.sort(byRel) };
}

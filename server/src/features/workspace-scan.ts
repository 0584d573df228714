import { readdirSync } from 'node:fs';
import * as path from 'node:path';

/** Config files the language claims: `haproxy*.cfg`, or any `.cfg` under a `haproxy` folder. */
export function isConfigPath(p: string): boolean {
  const base = path.basename(p).toLowerCase();
  if (!base.endsWith('.cfg')) {
    return false;
  }
  return base.startsWith('haproxy') || p.split(path.sep).includes('haproxy');
}

/**
 * HAProxy config files under `root`, skipping hidden folders and
 * node_modules; stops after `maxEntries` directory entries so a huge
 * workspace costs a bounded scan. Unreadable folders are skipped.
 */
export function findConfigFiles(root: string, maxEntries = 20000): string[] {
  const found: string[] = [];
  const queue = [root];
  let seen = 0;
  while (queue.length > 0 && seen < maxEntries) {
    const dir = queue.shift() as string;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      seen++;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') {
          queue.push(p);
        }
      } else if (e.isFile() && isConfigPath(p)) {
        found.push(p);
      }
    }
  }
  return found.sort();
}

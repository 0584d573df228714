/*
 * A deterministic generator of realistic map_reg files: hosts × paths in the
 * style of a path-by-path cloud migration, most specific path first and a
 * catch-all per host, with a few planted lines that can never match.
 */

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

const SEGMENTS = ['api', 'v1', 'v2', 'customers', 'payments', 'critical', 'search', 'static', 'img', 'users', 'orders', 'cart', 'health', 'auth', 'media'];
const BACKENDS = ['on-prem', 'on-cloud', 'mixed', 'mixed-critical'];

const esc = (s: string): string => s.replace(/[.\/-]/g, (c) => `\\${c}`);

/**
 * `lines` map lines (approximately: hosts are filled whole) for seed `seed`.
 * Planted unreachable lines: a specific path repeated after its host's
 * catch-all, an exact duplicate, and `[0-9]` after `[0-4]` and `[5-9]`.
 */
export function generateRegexMap(lines: number, seed: number): string {
  const next = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const out: string[] = ['#HOST Header  #HAP backend_name'];
  let host = 0;
  while (out.length < lines) {
    const name = `app-${String(host).padStart(3, '0')}.example${host % 7}.fr`;
    const h = esc(name);
    const paths: string[] = [];
    const count = 6 + Math.floor(next() * 10);
    for (let p = 0; p < count; p++) {
      const depth = 1 + Math.floor(next() * 3);
      const segs = Array.from({ length: depth }, () => pick(SEGMENTS));
      let path = `${h}\\/${segs.map(esc).join('\\/')}\\/`;
      if (next() < 0.2) {
        path += '(\\w{1,45})\\/';
      } else if (next() < 0.1) {
        path = `^${path}`;
      }
      paths.push(path);
    }
    // Longer (more specific) paths first, as a careful operator writes them.
    paths.sort((a, b) => b.length - a.length);
    for (const p of new Set(paths)) {
      out.push(`${p} ${name}-${pick(BACKENDS)}`);
    }
    if (host % 25 === 3) {
      out.push(`${h}\\/v3\\/[0-4] ${name}-low`, `${h}\\/v3\\/[5-9] ${name}-high`, `${h}\\/v3\\/[0-9] ${name}-digit`);
    }
    out.push(`${h}\\/ ${name}-on-prem`);
    if (host % 10 === 5) {
      out.push(`${paths[0] ?? h} ${name}-shadowed`);
    }
    host++;
  }
  return `${out.slice(0, lines + 1).join('\n')}\n`;
}

import type { Check } from '../check';
import { perProxyCheck } from '../per-part';
import type { Issue } from '../issue';
import { replaceSpan } from '../fixes/text-edits';
import type { ConditionalContext, Directive, Server } from '../../model/types';

/**
 * `server/duplicate-name`: two servers of one backend share a name, which
 * HAProxy refuses at startup. Names created by `server-template` count. Lines
 * in different branches of the same `.if` block never coexist and are not compared.
 */
export const checkDuplicateServerNames: Check = perProxyCheck('all', (proxy, file) => {
  const out: Issue[] = [];
  if (!mayHaveDuplicates(proxy.servers)) {
    return out;
  }
  const seen = new Map<string, Server[]>();
  // Every name in use, for fresh names: made at the first duplicate, which most backends never have.
  let taken: Set<string> | undefined;
  const suffixes = new Map<string, number>();
  const reportedTemplates = new Set<Directive>();
  for (const server of proxy.servers) {
    if (server.name === undefined || !server.nameSpan) {
      continue;
    }
    const same = seen.get(server.name);
    const earlier = same?.find((e) => canCoexist(e.directive.conditional, server.directive.conditional));
    if (same) {
      same.push(server);
    } else {
      seen.set(server.name, [server]);
    }
    // A template reuses one name span for all its servers: report the line once.
    if (!earlier || earlier.directive === server.directive || reportedTemplates.has(server.directive)) {
      continue;
    }
    if (server.template) {
      reportedTemplates.add(server.directive);
    }
    taken ??= new Set(proxy.servers.flatMap((s) => (s.name !== undefined ? [s.name] : [])));
    const fresh = freshName(server.name, taken, suffixes);
    taken.add(fresh);
    out.push({
      code: 'server/duplicate-name',
      severity: 'error',
      message: `Server name '${server.name}' is already used by an earlier server of ${proxy.kind} '${proxy.name ?? ''}': HAProxy refuses duplicate server names in a backend`,
      file: file.path,
      span: server.nameSpan,
      related: [{ message: `'${server.name}' is first declared here`, file: file.path, span: earlier.nameSpan ?? earlier.directive.span }],
      ...(server.template ? {} : { fixes: [{ title: `Rename to '${fresh}'`, edits: [replaceSpan(file, server.nameSpan, fresh)] }] }),
    });
  }
  return out;
});

/**
 * False when no two servers share a name. Most backends have a handful of
 * servers: comparing them pairwise spares a first open two thousand maps and
 * sets. A template gives all its servers one directive and is left to the
 * full walk, as are longer lists.
 */
function mayHaveDuplicates(servers: readonly Server[]): boolean {
  if (servers.length > 8) {
    return true;
  }
  for (let i = 0; i < servers.length; i++) {
    const a = servers[i] as Server;
    if (a.template) {
      return true;
    }
    for (let j = 0; j < i; j++) {
      if ((servers[j] as Server).name === a.name) {
        return true;
      }
    }
  }
  return false;
}

/** False when two lines sit in different branches of one `.if` block. */
function canCoexist(a: readonly ConditionalContext[], b: readonly ConditionalContext[]): boolean {
  return a.every((ca) => b.every((cb) => ca.blockStart !== cb.blockStart || (ca.branch === cb.branch && ca.condition === cb.condition)));
}

/** `name-2`, `name-3`, … : the first not taken, remembering where the last search for `name` stopped. */
function freshName(name: string, taken: ReadonlySet<string>, suffixes: Map<string, number>): string {
  let n = suffixes.get(name) ?? 2;
  while (taken.has(`${name}-${n}`)) {
    n++;
  }
  suffixes.set(name, n + 1);
  return `${name}-${n}`;
}

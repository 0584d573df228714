import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../server/src/model/build-model';
import { differentialSkipped, requireHaproxy } from './harness';

/*
 * An unclosed `%[` is an error only where HAProxy reads a log-format string:
 * `haproxy -c` decides, line by line, whether `syntax/bad-sample-expression`
 * may be reported.
 */

const HEAD = 'global\n  nbthread 1\ndefaults\n  mode http\n  timeout connect 2s\n  timeout client 10s\n  timeout server 10s\n';
/** A listener, without which `haproxy -c` refuses to call a config startable. */
const LISTENER = 'frontend listener\n  bind 127.0.0.1:19778\n  default_backend be\n';

/** `haproxy -c` on a config text: true when it accepts it. */
function haproxyAccepts(text: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'sample-words-'));
  try {
    const path = join(dir, 'haproxy.cfg');
    writeFileSync(path, text);
    return spawnSync(requireHaproxy(), ['-c', '-f', path], { encoding: 'utf8' }).status === 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const cases: { what: string; section: string }[] = [
  { what: 'a server cookie', section: LISTENER + 'backend be\n  server s1 127.0.0.1:80 cookie %[abc\n' },
  { what: 'a default-server cookie', section: LISTENER + 'backend be\n  default-server cookie %[abc\n  server s1 127.0.0.1:80\n' },
  { what: 'a server-template cookie', section: LISTENER + 'backend be\n  server-template t 2 127.0.0.1:81 cookie %[abc\n' },
  { what: 'a bind name', section: 'frontend fe\n  bind 127.0.0.1:19777 name %[abc\n  default_backend be\nbackend be\n  server s1 127.0.0.1:80\n' },
  { what: 'an ACL pattern', section: 'frontend fe\n  bind 127.0.0.1:19777\n  acl a path_beg %[abc\n  default_backend be\nbackend be\n  server s1 127.0.0.1:80\n' },
  { what: 'an http-request set-header value', section: LISTENER + 'backend be\n  http-request set-header X-A %[abc\n  server s1 127.0.0.1:80\n' },
  { what: 'a use_backend name', section: 'frontend fe\n  bind 127.0.0.1:19777\n  use_backend %[abc\nbackend be\n  server s1 127.0.0.1:80\n' },
];

describe.skipIf(differentialSkipped())('unclosed sample expressions against haproxy -c', () => {
  for (const c of cases) {
    it(`reports an unclosed %[ in ${c.what} exactly when HAProxy refuses it`, () => {
      const text = HEAD + c.section;
      const reported = buildConfigModel(text, '/t.cfg').issues.some((i) => i.code === 'syntax/bad-sample-expression');
      expect(reported).toBe(!haproxyAccepts(text));
    });
  }
});

import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { LineTemplateCache } from '../../../server/src/model/line-templates';
import { ACCEPTED_BEFORE_DOCUMENTED, documentedIn, documentedOnlyFrom } from '../../../server/src/model/keyword-versions';
import * as generated from '../../../server/src/model/keyword-versions.generated';
import { spanText } from '../../../server/src/model/source-file';

const CONFIG = [
  'global',
  '    cpu-policy performance',
  '    maxconn 100',
  'defaults',
  '    mode http',
  '    timeout client-hs 5s',
  '    timeout client 5s',
  'backend b',
  '    guid backend-b',
  '    option forwarded',
  '    option httpchk',
  '    bind-process 1',
  '    server s 10.0.0.1:80',
  '',
].join('\n');

function notInVersion(version: string, cache = new LineTemplateCache()): string[] {
  const model = buildConfigModel(CONFIG, '/v.cfg', { haproxyVersion: version, lineCache: cache });
  return model.issues.filter((i) => i.code === 'directive/not-in-version').map((i) => spanText(model.file, i.span));
}

describe('keyword versions', () => {
  it('reports keywords documented only from a later release than haproxy.version', () => {
    expect(notInVersion('2.6')).toEqual(['cpu-policy', 'client-hs', 'guid', 'forwarded']);
    expect(notInVersion('2.9')).toEqual(['cpu-policy', 'guid']);
    expect(notInVersion('3.3')).toEqual([]);
    // Versions past the last scanned release know what it knows.
    expect(notInVersion('3.4')).toEqual([]);
  });

  it('names the release that documents the keyword in the message', () => {
    const model = buildConfigModel(CONFIG, '/v.cfg', { haproxyVersion: '2.6.12' });
    const guid = model.issues.find((i) => i.code === 'directive/not-in-version' && spanText(model.file, i.span) === 'guid');
    expect(guid?.message).toBe("HAProxy 2.6.12 does not know 'guid': its documentation lists it from 3.0 on (set haproxy.version to the version you run)");
    expect(guid?.severity).toBe('warning');
  });

  it('follows a change of version on a kept line cache', () => {
    const cache = new LineTemplateCache();
    expect(notInVersion('2.6', cache)).toHaveLength(4);
    expect(notInVersion('3.3', cache)).toEqual([]);
    expect(notInVersion('2.6', cache)).toHaveLength(4);
  });

  it('never reports a keyword that is missing from later documentation only', () => {
    // bind-process is last documented in 2.6 and option accept-invalid-http-request in 3.0; HAProxy may keep such keywords as aliases.
    expect(documentedOnlyFrom('proxy', 'bind-process', '3.3')).toBeUndefined();
    expect(documentedOnlyFrom('option', 'accept-invalid-http-request', '3.3')).toBeUndefined();
    expect(documentedIn('proxy', 'bind-process', '3.3')).toBe(false);
    expect(documentedIn('proxy', 'bind-process', '2.6')).toBe(true);
    expect(documentedIn('global', 'nbproc', '2.4')).toBe(true);
    expect(documentedIn('global', 'nbproc', '2.6')).toBe(false);
  });

  it('knows nothing before the first scanned release and of unreadable versions', () => {
    // nbproc is documented by 2.4.0, the first scanned release: it may be older, so 2.2 is not told otherwise.
    expect(documentedOnlyFrom('global', 'nbproc', '2.2')).toBeUndefined();
    expect(documentedOnlyFrom('proxy', 'guid', 'latest')).toBeUndefined();
    expect(documentedIn('proxy', 'guid', 'latest')).toBe(true);
    expect(documentedOnlyFrom('proxy', 'balance', '2.6')).toBeUndefined();
  });

  it('trusts the binary over the documentation for keywords HAProxy 2.6 accepts undocumented', () => {
    for (const [kind, keywords] of Object.entries(ACCEPTED_BEFORE_DOCUMENTED)) {
      for (const k of keywords) {
        expect(documentedOnlyFrom(kind as 'global', k, '2.6'), `${kind} ${k}`).toBeUndefined();
      }
    }
    expect(generated.GLOBAL_RELEASES['tune.h2.max-frame-size']?.startsWith('2.9')).toBe(true);
  });

  it('holds well-formed release lists', () => {
    const scanned = generated.SCANNED_RELEASES;
    for (const table of [generated.GLOBAL_RELEASES, generated.PROXY_RELEASES, generated.OPTION_RELEASES, generated.TIMEOUT_RELEASES]) {
      for (const [keyword, releases] of Object.entries(table)) {
        const list = releases.split(' ');
        expect(list.every((r) => scanned.includes(r)), keyword).toBe(true);
        expect(list.map((r) => scanned.indexOf(r)), keyword).toEqual([...list.map((r) => scanned.indexOf(r))].sort((a, b) => a - b));
        expect(list.length, keyword).toBeLessThan(scanned.length);
      }
    }
  });
});

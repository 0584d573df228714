import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildConfigModel } from '../../../server/src/model/build-model';
import { buildMapModel } from '../../../server/src/model/build-map';
import { textOf } from '../../helpers/analyze';
import {
  applicationStem, backendChain, lineChanges, literalPrefix, pathRegex, planPromote, planReplication, restoreLineChanges, unifiedDiff,
} from '../../../server/src/ramp';

const EXAMPLE = resolve(__dirname, '../../../examples/migration');
const config = buildConfigModel(readFileSync(`${EXAMPLE}/haproxy.cfg`, 'utf8'), `${EXAMPLE}/haproxy.cfg`, { haproxyVersion: '2.6' });
const map = buildMapModel(readFileSync(`${EXAMPLE}/domain2backend.map`, 'utf8'), `${EXAMPLE}/domain2backend.map`);

describe('backendChain', () => {
  it('orders the seed backends by cloud share', () => {
    expect(backendChain(config, map, 'application-02-on-prem').map((l) => `${l.backend} ${l.cloudShare.numerator}/${l.cloudShare.denominator}`)).toEqual([
      'application-02-on-prem 0/1', 'application-02-mixed-critical 1/100', 'application-02-mixed 1/4', 'application-02-on-cloud 1/1',
    ]);
  });

  it('strips placement words to find the application stem', () => {
    expect(applicationStem('application-02-mixed-critical')).toBe('application-02');
    expect(applicationStem('shop_on_prem')).toBe('shop');
    expect(applicationStem('cloud')).toBe('cloud');
  });
});

describe('planPromote', () => {
  it('repoints the customers line from mixed to on-cloud by editing only its value', () => {
    const plan = planPromote(config, map, 3);
    expect('problem' in plan ? plan.problem : [plan.from.backend, plan.to.backend]).toEqual(['application-02-mixed', 'application-02-on-cloud']);
    if (!('problem' in plan)) {
      expect(textOf(map.file.text, plan.edit.span)).toBe('application-02-mixed');
    }
  });

  it('says when a line is not an entry', () => {
    expect(planPromote(config, map, 1)).toEqual({ problem: expect.stringContaining('is not a map entry') });
  });
});

describe('planReplication', () => {
  it('turns a regex key into an anchored path and its literal prefix', () => {
    expect(pathRegex('application-02\\.6play\\.fr\\/v2\\/customers\\/')).toBe('^/v2/customers/');
    expect(literalPrefix('application-02\\.6play\\.fr\\/v2\\/critical\\/(\\w{1,45})\\/payments\\/')).toBe('application-02.6play.fr/v2/critical/');
    expect(literalPrefix('ab\\/c*')).toBe('ab/');
  });

  it('disallows no earlier line for the critical payments line itself', () => {
    const plan = planReplication(config, map, 2);
    expect('problem' in plan ? plan.problem : plan.disallow).toEqual([]);
  });

  it('uses the given target', () => {
    const plan = planReplication(config, map, 8, { target: 'https://k8s.example/' });
    expect('problem' in plan ? plan.problem : [plan.target, plan.allow]).toEqual(['https://k8s.example/', '^/']);
  });
});

describe('lineChanges', () => {
  it('restores CRLF lines and a missing final newline byte for byte', () => {
    const before = 'a\r\nweight 1\r\nlast';
    const after = 'a\r\nweight 99\r\nlast!';
    const changes = lineChanges(before, after);
    expect(changes.map((c) => c.line)).toEqual([1, 2]);
    expect(restoreLineChanges(after, changes)).toEqual({ text: before });
  });

  it('refuses when a recorded line changed', () => {
    const changes = lineChanges('x\ny\n', 'x\nz\n');
    expect(restoreLineChanges('x\nw\n', changes)).toEqual({ problem: expect.stringContaining('Line 2') });
  });
});

describe('unifiedDiff', () => {
  it('prints removals before additions with hunk ranges', () => {
    expect(unifiedDiff('a\nb\nc\n', 'a\nB\nc\n', 'f', 'f', 1)).toBe('--- f\n+++ f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n');
  });

  it('is empty for equal texts', () => {
    expect(unifiedDiff('a\n', 'a\n', 'f', 'f')).toBe('');
  });
});

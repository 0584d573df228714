import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, flattenSettings, normalizeSettings, parseMapRootSettings, restrictSettings, SettingsCache, toEngineOptions } from '../../server/src/settings';

const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, { default: unknown }> }; commands: { command: string; category: string }[] };
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
};

describe('settings', () => {
  it('keeps package.json defaults equal to DEFAULT_SETTINGS, key for key', () => {
    const declared = Object.fromEntries(Object.entries(manifest.contributes.configuration.properties).map(([k, v]) => [k, v.default]));
    expect(declared).toEqual(flattenSettings(DEFAULT_SETTINGS));
  });

  it('declares the binary path and the runtime socket as restricted settings', () => {
    expect(manifest.capabilities.untrustedWorkspaces.supported).toBe('limited');
    expect(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.sort()).toEqual(['haproxy.haproxyPath', 'haproxy.runtime.socket']);
  });

  it('falls back to defaults for missing or ill-typed values', () => {
    const s = normalizeSettings({ version: 3, ramp: { steps: ['x', 10, 50] }, diagnostics: { overrides: { 'map/unreachable-line': 'loud', 'server/duplicate-name': 'off' } } });
    expect(s.version).toBe('2.6');
    expect(s.ramp.steps).toEqual([10, 50]);
    expect(s.ramp.targetPattern).toBe(DEFAULT_SETTINGS.ramp.targetPattern);
    expect(s.diagnostics.overrides).toEqual({ 'server/duplicate-name': 'off' });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('reads map roots as FROM=TO strings and objects, resolving relative folders against the workspace', () => {
    const roots = parseMapRootSettings(['/etc/haproxy=./maps', 'broken', { from: '/srv/maps', to: '/abs' }], '/ws');
    expect(roots).toEqual([{ from: '/etc/haproxy', to: '/ws/maps' }, { from: '/srv/maps', to: '/abs' }]);
    expect(toEngineOptions({ ...DEFAULT_SETTINGS, version: '3.0', mapRoots: ['/a=b'] }, undefined)).toEqual({ haproxyVersion: '3.0', mapRoots: [{ from: '/a', to: 'b' }] });
  });

  it('ignores the binary path and socket in an untrusted workspace', () => {
    const s = normalizeSettings({ haproxyPath: '/opt/evil', runtime: { socket: '/run/x.sock' } });
    expect(restrictSettings(s, false).haproxyPath).toBe('haproxy');
    expect(restrictSettings(s, false).runtime.socket).toBe('');
    expect(restrictSettings(s, true).haproxyPath).toBe('/opt/evil');
  });

  it('pulls each resource once until cleared, and yields defaults when the client fails', async () => {
    const asked: string[] = [];
    const cache = new SettingsCache(async (uri) => {
      asked.push(uri);
      if (uri === 'bad') {
        throw new Error('no answer');
      }
      return { version: '3.0' };
    });
    expect((await cache.get('a')).version).toBe('3.0');
    await cache.get('a');
    expect(await cache.get('bad')).toEqual(DEFAULT_SETTINGS);
    cache.clear();
    await cache.get('a');
    expect(asked).toEqual(['a', 'bad', 'a']);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECTION, translateSettings, type ConfigurationReader } from '../../extension/src/settings.js';
import { DEFAULT_SETTINGS, readSettings } from '../../server/src/settings.js';

interface Property {
  default?: unknown;
  additionalProperties?: { enum?: string[] };
}

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../../extension/package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, Property> } };
};
const properties = manifest.contributes.configuration.properties;

/** A `meshgw` configuration as VS Code hands it out: user values over the manifest defaults. */
function config(values: Record<string, unknown> = {}): ConfigurationReader {
  return {
    get<T>(key: string): T | undefined {
      if (key in values) return values[key] as T;
      return properties[`${SECTION}.${key}`]?.default as T | undefined;
    },
  };
}

describe('translateSettings', () => {
  it('turns the manifest defaults into the server defaults', () => {
    const { settings, problems } = translateSettings(config());
    expect(problems).toEqual([]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });

  it('leaves out what is not set, so the server keeps its defaults', () => {
    const { settings, problems } = translateSettings({ get: () => undefined });
    expect(settings).toEqual({});
    expect(problems).toEqual([]);
    expect(readSettings(settings)).toEqual(DEFAULT_SETTINGS);
  });

  it('passes numbers and switches through', () => {
    const { settings } = translateSettings(config({ certificateWarningDays: 7, reportUnknownFields: false }));
    expect(settings).toEqual({ certificateWarningDays: 7, reportUnknownFields: false, severity: {}, kumaVersion: null, controlPlane: null, controlPlaneRefreshSeconds: 30 });
  });

  it('accepts 0 days: report only certificates that have expired', () => {
    expect(translateSettings(config({ certificateWarningDays: 0 })).settings.certificateWarningDays).toBe(0);
  });

  it('maps VS Code severity names to the server names', () => {
    const { settings, problems } = translateSettings(
      config({ severity: { 'certificate-expiring': 'error', 'unknown-field': 'information', 'route-shadowed': 'Hint', ' tls-ignored ': 'off', 'yaml-tab': 'warning' } }),
    );
    expect(problems).toEqual([]);
    expect(settings.severity).toEqual({ 'certificate-expiring': 'error', 'unknown-field': 'info', 'route-shadowed': 'hint', 'tls-ignored': 'off', 'yaml-tab': 'warning' });
  });

  it('translates every severity the manifest offers into one the server reads unchanged', () => {
    const offered = properties['meshgw.severity'].additionalProperties?.enum ?? [];
    expect(offered.length).toBeGreaterThan(0);
    const severity = Object.fromEntries(offered.map((level) => [`code-${level}`, level]));
    const { settings, problems } = translateSettings(config({ severity }));
    expect(problems).toEqual([]);
    expect(Object.keys(settings.severity ?? {})).toHaveLength(offered.length);
    expect(readSettings(settings).severity).toEqual(settings.severity);
  });

  it('drops unusable values with a sentence each, keeping the rest', () => {
    const { settings, problems } = translateSettings(
      config({ certificateWarningDays: 2.5, reportUnknownFields: 'yes', severity: { 'certificate-expired': 'fatal', 'route-unattached': 3, 'certificate-expiring': 'error' } }),
    );
    expect(settings).toEqual({ severity: { 'certificate-expiring': 'error' }, kumaVersion: null, controlPlane: null, controlPlaneRefreshSeconds: 30 });
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('meshgw.certificateWarningDays');
    expect(problems[1]).toContain('meshgw.reportUnknownFields');
    expect(problems[2]).toContain('"certificate-expired"');
    expect(problems[3]).toContain('"route-unattached"');
  });

  it('passes a Kuma version through, and drops one that is not a version with a sentence', () => {
    expect(translateSettings(config({ kumaVersion: '2.7' })).settings.kumaVersion).toBe('2.7');
    expect(translateSettings(config({ kumaVersion: ' 2.14.2 ' })).settings.kumaVersion).toBe('2.14.2');
    const bad = translateSettings(config({ kumaVersion: 'latest' }));
    expect(bad.settings.kumaVersion).toBeUndefined();
    expect(bad.problems).toEqual(['meshgw.kumaVersion must be a Kuma version such as "2.7" or "2.14.2", not "latest".']);
  });

  it('rejects negative days and a severity that is not an object', () => {
    expect(translateSettings(config({ certificateWarningDays: -1 })).settings.certificateWarningDays).toBeUndefined();
    const list = translateSettings(config({ severity: ['error'] }));
    expect(list.settings.severity).toBeUndefined();
    expect(list.problems).toEqual(['meshgw.severity must be an object mapping diagnostic codes to severities.']);
  });

  it('never forwards the editor-only trace setting', () => {
    const { settings } = translateSettings(config({ 'trace.server': 'verbose' }));
    expect(Object.keys(settings).sort()).toEqual(['certificateWarningDays', 'controlPlane', 'controlPlaneRefreshSeconds', 'kumaVersion', 'reportUnknownFields', 'severity']);
  });

  it('passes the control plane through for the server to check, and the refresh interval', () => {
    expect(translateSettings(config({ controlPlane: 'kumactl' })).settings.controlPlane).toBe('kumactl');
    expect(translateSettings(config({ controlPlane: { context: 'prod' } })).settings.controlPlane).toEqual({ context: 'prod' });
    expect(translateSettings(config({ controlPlaneRefreshSeconds: 60 })).settings.controlPlaneRefreshSeconds).toBe(60);
    const bad = translateSettings(config({ controlPlane: ['prod'], controlPlaneRefreshSeconds: 1 }));
    expect(bad.settings.controlPlane).toBeUndefined();
    expect(bad.settings.controlPlaneRefreshSeconds).toBeUndefined();
    expect(bad.problems).toHaveLength(2);
  });

  it('is read by the server exactly as sent', () => {
    const { settings } = translateSettings(config({ certificateWarningDays: 12, reportUnknownFields: false, severity: { 'unknown-field': 'information' } }));
    expect(readSettings(settings)).toEqual(settings);
  });
});

describe('the contributed settings', () => {
  it('mirror the server settings, plus meshgw.trace.server', () => {
    const contributed = Object.keys(properties).sort();
    const server = Object.keys(DEFAULT_SETTINGS).map((k) => `${SECTION}.${k}`);
    expect(contributed).toEqual([...server, `${SECTION}.trace.server`].sort());
  });

  it('default to the server defaults', () => {
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) expect(properties[`${SECTION}.${key}`].default, key).toEqual(value);
  });
});

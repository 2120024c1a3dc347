import { readControlPlaneSetting, readProjectSettings } from '@meshgw/engine';
import { describe, expect, it } from 'vitest';

// `meshgw.controlPlane` and the project file's `controlPlane`: the same reading for both.

const none = { context: null, url: null, tokenFile: null, caCertFile: null, insecureSkipTlsVerify: false, kumactlConfig: null, refreshSeconds: null };

describe('readControlPlaneSetting', () => {
  it('reads the three forms', () => {
    expect(readControlPlaneSetting('kumactl')).toEqual({ setting: none });
    expect(readControlPlaneSetting({ context: 'prod' })).toEqual({ setting: { ...none, context: 'prod' } });
    expect(readControlPlaneSetting({ url: 'https://kuma.example.com:5682', tokenFile: '~/.kuma/token', caCertFile: 'ca.pem', refreshSeconds: 60 })).toEqual({
      setting: { ...none, url: 'https://kuma.example.com:5682', tokenFile: '~/.kuma/token', caCertFile: 'ca.pem', refreshSeconds: 60 },
    });
  });

  it('reads nothing set as no control plane', () => {
    for (const off of [undefined, null, false, '', 'off']) expect(readControlPlaneSetting(off)).toEqual({ setting: null });
  });

  it('turns TLS verification off only when asked with a boolean', () => {
    expect(readControlPlaneSetting({ url: 'https://k:5682', insecureSkipTlsVerify: true })).toEqual({ setting: { ...none, url: 'https://k:5682', insecureSkipTlsVerify: true } });
    expect(readControlPlaneSetting({ url: 'https://k:5682', insecureSkipTlsVerify: 'yes' })).toMatchObject({ error: 'controlPlane.insecureSkipTlsVerify takes true or false.' });
  });

  it('says what is wrong, and connects nowhere', () => {
    expect(readControlPlaneSetting('prod')).toHaveProperty('error');
    expect(readControlPlaneSetting(['prod'])).toHaveProperty('error');
    expect(readControlPlaneSetting({ url: 'https://k', context: 'prod' })).toMatchObject({ error: 'controlPlane takes a url or a context, not both.' });
    expect(readControlPlaneSetting({ url: 'kuma:5681' })).toMatchObject({ error: 'controlPlane.url must start with http:// or https://.' });
    expect(readControlPlaneSetting({ contxt: 'prod' })).toMatchObject({ error: 'controlPlane: unknown key "contxt"; it knows context, url, tokenFile, caCertFile, insecureSkipTlsVerify, kumactlConfig, refreshSeconds.' });
    expect(readControlPlaneSetting({ context: 'prod', refreshSeconds: 1 })).toMatchObject({ error: 'controlPlane.refreshSeconds takes a number of seconds, 5 or more.' });
  });
});

describe('controlPlane in .meshgw.yaml', () => {
  it('reads a context, and the other settings beside it', () => {
    const read = readProjectSettings('.meshgw.yaml', 'kumaVersion: "2.13"\ncontrolPlane:\n  context: prod\n  refreshSeconds: 60\n');
    expect(read.problems).toEqual([]);
    expect(read.settings.controlPlane).toEqual({ ...none, context: 'prod', refreshSeconds: 60 });
    expect(read.settings.kumaVersion?.text).toBe('2.13');
  });

  it('reads kumactl and off', () => {
    expect(readProjectSettings('.meshgw.yaml', 'controlPlane: kumactl\n').settings.controlPlane).toEqual(none);
    expect(readProjectSettings('.meshgw.yaml', 'controlPlane: off\n').settings.controlPlane).toBeNull();
  });

  it('puts a problem at the value, and still says which keys it knows on an unknown one', () => {
    const text = 'controlPlane:\n  url: kuma:5681\ncontrolplane: prod\n';
    const read = readProjectSettings('.meshgw.yaml', text);
    expect(read.settings.controlPlane).toBeUndefined();
    expect(read.problems.map((p) => [p.code, text.slice(p.span.start, p.span.end), p.message])).toEqual([
      ['project-settings', 'kuma:5681', 'controlPlane.url must start with http:// or https://.'],
      ['project-settings', 'controlplane', 'Unknown setting "controlplane": .meshgw.yaml knows kumaVersion, certificateWarningDays, reportUnknownFields, severity and controlPlane.'],
    ]);
  });
});

import { createKumaClient, loadControlPlaneSnapshot, snapshotInputs } from '@meshgw/kuma-client';
import { createWorkspace } from '@meshgw/engine';
import { buildViewModel } from '@meshgw/tui';
const url = process.argv[2];
const client = createKumaClient({ url, token: null, headers: {}, tls: { caCertificates: null, clientCertificate: null, clientKey: null, insecureSkipVerify: false } }).value;
const ws = createWorkspace();
for (let i = 0; i < 3; i++) {
  let t = performance.now();
  const snap = await loadControlPlaneSnapshot(client, { includeSecrets: true });
  const t1 = performance.now();
  const inputs = snapshotInputs(snap.value);
  const t2 = performance.now();
  for (const f of inputs.files) ws.setFile(f.file, f.text);
  const r = ws.analyze({ now: new Date(), ...inputs.options });
  const t3 = performance.now();
  const vm = buildViewModel(r, { mode: 'live', meshes: snap.value.meshes.map(m => ({ name: m.name, resource: m.mesh })) });
  const t4 = performance.now();
  console.log(`fetch ${(t1-t).toFixed(0)} inputs ${(t2-t1).toFixed(0)} analyze ${(t3-t2).toFixed(0)} vm ${(t4-t3).toFixed(0)} files ${inputs.files.length}`);
}
client.close();

// `npm start`: the terminal app on examples/, at the clock the examples assume. Certificate
// windows in examples/certs are fixed dates (certs/README.md), so a real clock would, as days
// pass, turn examples/broken/certificate-expiring-soon.yaml (notAfter 2027-01-10) from "expiring
// soon" into "expired". The demo pins MESHGW_NOW to DEMO_NOW, 21 days before that date, unless
// MESHGW_NOW is already set. Extra arguments go to `meshgw tui`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The date the examples assume: certificate-expiring-soon.yaml expires in 21 days. */
export const DEMO_NOW = '2026-12-20T00:00:00Z';

const ROOT = join(fileURLToPath(import.meta.url), '..', '..');

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const env = { ...process.env, MESHGW_NOW: process.env.MESHGW_NOW || DEMO_NOW };
  const meshgw = join(ROOT, 'packages', 'cli', 'bin', 'meshgw.js');
  const r = spawnSync(process.execPath, [meshgw, 'tui', 'examples', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit', env });
  process.exitCode = r.status ?? 2;
}

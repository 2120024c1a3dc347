import { diffLines, diffSummary } from '@meshgw/engine';
import { seg, type Line } from './styled.js';
import type { GatewayEntry } from '../data/gateway-rows.js';

/**
 * The diff screen of one gateway (key `d`): a line that sums the changes up, then the engine's
 * diff lines as `meshgw diff` prints them, `-` lines red and `+` lines green. `entry.diff` is
 * null when no files are laid over the control plane.
 */
export function diffViewLines(entry: GatewayEntry): Line[] {
  const d = entry.diff;
  if (d === null) return [[seg('No files are laid over the control plane. Start with meshgw tui --cp URL PATH... to see what applying them changes.', 'muted')]];
  if (d.status === 'unchanged') return [[seg('No change: ', 'ok', true), seg('applying the files leaves what Kuma does with this gateway as it is.')]];
  const out: Line[] = [[seg('Applying the files: ', 'accent', true), seg(diffSummary(d), 'plain', true)], []];
  for (const l of diffLines(d)) {
    if (l.kind === 'header') out.push([seg(l.text, 'plain', true)]);
    else if (l.kind === 'removed') out.push([seg(l.text, 'bad')]);
    else if (l.kind === 'added') out.push([seg(l.text, 'ok')]);
    else out.push([seg(l.text)]);
  }
  return out;
}

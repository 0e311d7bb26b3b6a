import { execFileSync } from 'node:child_process';
import { PROJECT_ROOT } from '../e2e/paths';

/** Builds the Firefox extension once before the run, unless DEBRIEF_SKIP_BUILD=1 (CI already built it). */
export default function buildFirefoxExtension(): void {
  if (process.env.DEBRIEF_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}

import { execFileSync } from 'node:child_process';
import { PROJECT_ROOT } from './paths';

/** Builds the extension once before the e2e run, unless DEBRIEF_SKIP_BUILD=1 (CI already built it). */
export default function buildExtension(): void {
  if (process.env.DEBRIEF_SKIP_BUILD === '1') return;
  execFileSync('npx', ['wxt', 'build'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
}

// @vitest-environment node
/**
 * The manifest asks for exactly the permissions PRIVACY.md § Permissions justifies, so adding one
 * is a conscious change: document it in the table, or this test fails naming it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import config from '@/wxt.config';
import { SITES, siteMatchPatterns } from '@/utils/sites/registry';

const read = (file: string) => readFileSync(join(import.meta.dirname, '../..', file), 'utf8');
const PRIVACY = read('PRIVACY.md');
const README = read('README.md');

/** What the permissions table grants, read from its first column. */
interface DocumentedAccess {
  permissions: string[];
  optionalPermissions: string[];
  /** The row "host access to the telehealth sites listed above" is present. */
  siteHosts: boolean;
  optionalHosts: string[];
}

/** The first cells of the rows of the table under "## Permissions" whose header starts with `header`. */
function permissionsTable(doc: string, header: string): string[] {
  const privacy = doc.split(/^## Permissions\s*$/m)[1]?.split(/^## /m)[0] ?? '';
  const tables = privacy.split(/\n(?!\|)/).map((block) => block.split('\n').filter((line) => line.startsWith('|')));
  const table = tables.find((rows) => rows[0]?.split('|')[1]?.trim() === header) ?? [];
  return table
    .filter((line) => !/^\|\s*-/.test(line))
    .map((line) => line.split('|')[1]!.trim())
    .slice(1); // the header row
}

/** Reads the permissions table under "## Permissions": one row per permission, the name in backticks. */
function documentedAccess(doc: string): DocumentedAccess {
  const firstColumns = permissionsTable(doc, 'permission');
  const access: DocumentedAccess = { permissions: [], optionalPermissions: [], siteHosts: false, optionalHosts: [] };
  for (const cell of firstColumns) {
    const names = [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    const optional = /^optional\b/i.test(cell);
    if (/host access/i.test(cell)) {
      if (optional) access.optionalHosts.push(...names);
      else access.siteHosts = /telehealth sites/i.test(cell) || access.siteHosts;
    } else {
      (optional ? access.optionalPermissions : access.permissions).push(...names);
    }
  }
  return access;
}

async function manifestFor(browser: string): Promise<UserManifest> {
  const env: ConfigEnv = { browser, manifestVersion: 3, mode: 'production', command: 'build' };
  const manifest = config.manifest;
  return typeof manifest === 'function' ? await manifest(env) : ((await manifest) ?? {});
}

const sorted = (list: readonly string[] | undefined) => [...(list ?? [])].sort();

describe('PRIVACY.md § Permissions lists every permission the manifest asks for', () => {
  const documented = documentedAccess(PRIVACY);

  it('the table is found and names the permissions in backticks', () => {
    expect(documented.permissions.length).toBeGreaterThan(0);
    expect(documented.siteHosts).toBe(true);
  });

  describe.each(['chrome', 'firefox'])('%s build', (browser) => {
    it('permissions are exactly the documented ones', async () => {
      const manifest = await manifestFor(browser);
      expect(sorted(manifest.permissions as string[]), 'a permission in wxt.config.ts without a row in PRIVACY.md § Permissions (or the reverse)').toEqual(
        sorted(documented.permissions),
      );
      expect(sorted(manifest.optional_permissions as string[] | undefined)).toEqual(sorted(documented.optionalPermissions));
    });

    it('host access is the registered telehealth sites, and optional host access is the documented pattern', async () => {
      const manifest = await manifestFor(browser);
      expect(sorted(manifest.host_permissions)).toEqual(sorted(siteMatchPatterns()));
      expect(sorted(manifest.optional_host_permissions)).toEqual(sorted(documented.optionalHosts));
    });
  });

  it('PRIVACY.md says why each telehealth host is there: its host table is exactly the registered hosts', () => {
    const hosts = permissionsTable(PRIVACY, 'host').flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!));
    expect(sorted(hosts)).toEqual(sorted(SITES.flatMap((site) => site.hosts)));
  });

  it('every site with host access is named where the README says what Debrief works on', () => {
    const intro = README.split(/^## /m)[0]!;
    expect(SITES.map((site) => site.name).filter((name) => !intro.includes(name))).toEqual([]);
  });
});

describe('reading the table', () => {
  const table = (rows: string[]) => ['# Debrief', '## Permissions', '', '| permission | why |', '| --- | --- |', ...rows, '', '## Next'].join('\n');

  it.each([
    { rows: ['| `storage` | settings |'], expected: { permissions: ['storage'], optionalPermissions: [], siteHosts: false, optionalHosts: [] } },
    {
      rows: ['| `alarms` | reminders |', '| host access to the telehealth sites listed above | calls |', '| optional host access (`https://*/*`) | custom sites |'],
      expected: { permissions: ['alarms'], optionalPermissions: [], siteHosts: true, optionalHosts: ['https://*/*'] },
    },
    { rows: ['| optional `downloads` | backups |'], expected: { permissions: [], optionalPermissions: ['downloads'], siteHosts: false, optionalHosts: [] } },
  ])('$rows', ({ rows, expected }) => {
    expect(documentedAccess(table(rows))).toEqual(expected);
  });

  it('ignores tables in other sections', () => {
    const doc = `## Tests\n\n| \`tabs\` | no |\n\n${table(['| `storage` | settings |'])}`;
    expect(documentedAccess(doc).permissions).toEqual(['storage']);
  });
});

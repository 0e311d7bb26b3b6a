/**
 * Moving data in real Firefox: everything exported through the Sync & backup view (a file Firefox
 * downloads) is imported through the file chooser into a fresh profile and listed there; a backup is
 * saved through the downloads API; the sync
 * folder, which needs the File System Access API Firefox lacks, says so and offers no button.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { expect } from 'vitest';
import { t } from '../../utils/i18n/index.ts';
import { BACKUP_FOLDER } from '../../utils/sync/backup';
import { parseExport } from '../../utils/sync/format';
import { wait } from '../e2e/call-fixture';
import { checkInFromPopup } from './check-in';
import { allByRole, byRole, byRoleWithText, textOf } from './dom';
import { closeAfter, test } from './fixtures';
import { launchFirefox, openExtensionPage, screenshot, type Firefox } from './harness';

const NOTES = ['Naming the pattern behind my Sunday dread', 'Practising saying no out loud'];

/** The file Firefox saved into the download folder, once it is complete. */
async function downloaded(firefox: Firefox): Promise<string> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const names = readdirSync(firefox.downloadDir);
    const done = names.find((name) => name.endsWith('.json'));
    if (done && !names.some((name) => name.endsWith('.part'))) return join(firefox.downloadDir, done);
    if (Date.now() > deadline) throw new Error(`no export downloaded; the folder holds ${JSON.stringify(names)}`);
    await wait(200);
  }
}

async function openSync(firefox: Firefox) {
  const page = await openExtensionPage(firefox, 'options.html#/sync');
  await byRole(page, 'heading', t('options.sync'));
  return page;
}

test('everything exported is imported into a fresh profile; a backup is saved; the sync folder says Firefox cannot have one', { timeout: 180_000 }, async ({ firefox, task }) => {
  for (const [index, note] of NOTES.entries()) await checkInFromPopup(firefox, { overall: 6 + index, helpful: note });

  const sync = await openSync(firefox);
  const folder = await byRole(sync, 'region', t('sync.folder.title'));
  expect(await textOf(folder)).toContain(t('sync.folder.unsupported', { exportAll: t('sync.export.all'), importFile: t('sync.import.file') }));
  expect(await allByRole(folder, 'button')).toEqual([]);
  await screenshot(sync, 'sync-view');

  await (await byRole(sync, 'button', t('sync.export.all'))).click();
  const file = await downloaded(firefox);
  const name = file.split('/').pop() as string;
  expect(name).toMatch(/^debrief-export-.*\.json$/);
  await byRoleWithText(sync, 'status', name);
  const exported = parseExport(readFileSync(file, 'utf8'));
  if (!exported.ok) throw new Error(`the export does not validate: ${JSON.stringify(exported)}`);
  expect(exported.file.checkIns.map((checkIn) => checkIn.notes.helpful).sort()).toEqual([...NOTES].sort());

  // "Back up now" saves through Firefox's downloads API, into Debrief's own folder of the downloads.
  await (await byRole(sync, 'button', t('backup.now'))).click();
  const backups = join(firefox.downloadDir, BACKUP_FOLDER);
  await expect.poll(() => (existsSync(backups) ? readdirSync(backups) : []), { timeout: 15_000 }).toEqual([expect.stringMatching(/^debrief-backup-.*\.json$/)]);
  const backup = `${BACKUP_FOLDER}/${readdirSync(backups)[0]}`;
  await byRoleWithText(sync, 'status', t('backup.saved', { file: backup }));
  expect(parseExport(readFileSync(join(firefox.downloadDir, backup), 'utf8')).ok).toBe(true);

  const fresh = await launchFirefox();
  try {
    const target = await openSync(fresh);
    // Firefox exposes a file chooser as a group around a "Browse…" button, not by its label: it is
    // found as the Import section's file field, whose label is checked.
    const section = await byRole(target, 'region', t('sync.import.title'));
    const chooser = (await section.$('input[type=file]')) as ElementHandle<HTMLInputElement>;
    expect(await chooser.evaluate((input) => input.labels?.[0]?.textContent)).toBe(t('sync.import.file'));
    await chooser.uploadFile(file);
    await (await byRole(target, 'button', t('sync.import.confirm'))).click();
    const imported = t('sync.import.done', { new: '2', updated: '0', deleted: '0', unchanged: '0', kept: '0' }).split(',')[0] as string;
    await byRoleWithText(target, 'status', imported);
    await screenshot(target, 'sync-imported');

    const history = await openExtensionPage(fresh, 'options.html#/history');
    const list = await byRole(history, 'list', t('history.title'));
    for (const note of NOTES) await byRoleWithText(list, 'link', note);
    expect(await allByRole(list, 'link')).toHaveLength(NOTES.length);
  } finally {
    await closeAfter(fresh, task);
  }
});

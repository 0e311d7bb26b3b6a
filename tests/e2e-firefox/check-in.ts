/** The check-in form driven as a person would, by role and name, with the names from Debrief's English messages. */
import type { Page } from 'puppeteer-core';
import { OVERALL, SIGNS } from '../../utils/checkin/instrument';
import { t } from '../../utils/i18n/index.ts';
import { byRole, byRoleWithText, fill } from './dom';
import { openExtensionPage, type Firefox } from './harness';

/** Rates one sign (or Overall) by clicking the radio named with the number. */
export async function rate(page: Page, groupName: string, value: number): Promise<void> {
  const group = await byRole(page, 'radiogroup', groupName);
  await (await byRole(group, 'radio', String(value))).click();
}

export interface Answers {
  overall: number;
  /** One rating per sign, in the instrument's order. */
  signs?: number[];
  helpful?: string;
  takeaway?: string;
}

/** Opens "More notes, … therapist and tags" (a disclosure) unless it is open already. */
async function showMoreNotes(page: Page): Promise<void> {
  const names = [t('checkInFlow.more'), t('checkInFlow.moreWithGoals')];
  await page.evaluate((labels: string[]) => {
    const summary = [...document.querySelectorAll('details > summary')].find((element) => labels.includes(element.textContent?.trim() ?? ''));
    if (!summary) throw new Error(`no disclosure named ${labels.join(' or ')}`);
    if (!(summary.parentElement as HTMLDetailsElement).open) (summary as HTMLElement).click();
  }, names);
}

/** Fills the check-in form on `page` and saves it; waits for the confirmation. */
export async function answerCheckIn(page: Page, answers: Answers): Promise<void> {
  for (const [index, sign] of SIGNS.entries()) {
    const value = answers.signs?.[index];
    if (value !== undefined) await rate(page, sign.name, value);
  }
  await rate(page, OVERALL.name, answers.overall);
  if (answers.helpful || answers.takeaway) await showMoreNotes(page);
  if (answers.helpful) await fill(await byRole(page, 'textbox', t('notes.helpful')), answers.helpful);
  if (answers.takeaway) await fill(await byRole(page, 'textbox', t('notes.takeaway')), answers.takeaway);
  await (await byRole(page, 'button', t('checkIn.save'))).click();
  await byRoleWithText(page, 'status', t('checkIn.saved'));
}

/** Saves a manual check-in from the toolbar popup ("Start a manual check-in"). Returns the popup. */
export async function checkInFromPopup(firefox: Firefox, answers: Answers): Promise<Page> {
  const popup = await openExtensionPage(firefox, 'popup.html');
  await (await byRole(popup, 'button', t('checkInFlow.startManual'))).click();
  await answerCheckIn(popup, answers);
  return popup;
}

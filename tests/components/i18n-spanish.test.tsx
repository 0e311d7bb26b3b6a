/**
 * A browser whose language is Spanish gets Spanish words, plurals and Intl formatting: the same
 * code, with browser.i18n reading es.json the way Chrome reads _locales/es.
 */
import { render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { RatingScale } from '@/components/RatingScale';
import { formatDateTime, formatDuration } from '@/utils/checkin/format';
import { describeChanges } from '@/utils/checkin/insights';
import { SIGNS } from '@/utils/checkin/instrument';
import { formatAverage } from '@/utils/checkin/trends';
import { formatNumber, t } from '@/utils/i18n';
import es from '@/utils/i18n/locales/es.json';
import { chromeMessages, messageGetter } from '@/tests/support/locale-messages';
import { parseCustomHost } from '@/utils/sites/custom';
import { checkInOn, weeklyOverall } from '../support/trends-fixtures';

beforeEach(() => {
  fakeBrowser.i18n.getMessage = messageGetter(chromeMessages(es)) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'es-ES';
});

describe('Debrief in Spanish', () => {
  it('names the signs and counts with the right plural', () => {
    expect(SIGNS.map((sign) => sign.name)).toEqual([
      'Alivio emocional',
      'Autoconocimiento',
      'Confianza y sintonía',
      'Metas y avances',
      'Afrontamiento',
      'Reflexión',
    ]);
    expect([0, 1, 2].map((n) => t('popup.stored', n, [formatNumber(n)]))).toEqual([
      '0 registros guardados',
      '1 registro guardado',
      '2 registros guardados',
    ]);
  });

  it('builds whole sentences, with the count in words', () => {
    const climbing = weeklyOverall('2026-01-06', [3, 4, 5, 6, 7, 8]);
    const trustFalling = [8, 7, 6, 5, 4].map((value, i) => checkInOn(`2026-03-${String(1 + 7 * i).padStart(2, '0')}`, { ratings: { trust: value } }));
    expect(describeChanges(climbing, new Date(2026, 2, 31)).map((i) => i.text)).toEqual([
      'Tu valoración general ha subido 5 puntos en tus últimas seis sesiones.',
    ]);
    expect(describeChanges(trustFalling, new Date(2026, 3, 5)).map((i) => i.text)).toEqual([
      'Tu valoración de «Confianza y sintonía» ha bajado 4 puntos en tus últimas cinco sesiones.',
      'Tu valoración general tiene aún muy pocas respuestas para mostrar una dirección.',
    ]);
  });

  it('formats numbers and dates for the browser locale', () => {
    expect(formatNumber(12345)).toBe('12.345');
    expect(formatAverage(6.5)).toBe('6,5');
    expect(formatDateTime('2026-11-26T10:58:00')).toMatch(/26 nov 2026/);
    expect(formatDuration(0, 65 * 60_000)).toBe('1 h 5 min');
  });

  it('explains a bad site address in Spanish', () => {
    expect(parseCustomHost('http://video.example.com')).toEqual({ error: 'Debrief solo funciona en sitios seguros (https).' });
  });

  it('renders controls with Spanish accessible names', () => {
    const trust = SIGNS.find((sign) => sign.id === 'trust')!;
    render(<RatingScale name={trust.name} question={trust.question} low={trust.low} high={trust.high} value={3} onChange={() => undefined} />);
    expect(screen.getByRole('radiogroup', { name: 'Confianza y sintonía' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Borrar Confianza y sintonía' })).toBeTruthy();
    expect(screen.getByText('¿Sentiste seguridad, que te escuchaban y que nadie te juzgaba?')).toBeTruthy();
  });
});

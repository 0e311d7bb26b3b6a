import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WatchSiteOffer, type WatchSiteOfferProps } from '@/components/WatchSiteOffer';
import es from '@/utils/i18n/locales/es.json';
import { chromeMessages, messageGetter } from '@/tests/support/locale-messages';

const HOST = 'video.example-clinic.org';

function show(props: Partial<WatchSiteOfferProps>) {
  const handlers = { onWatch: vi.fn(), onStop: vi.fn() };
  const view = render(<WatchSiteOffer offer={{ kind: 'offered', host: HOST }} asking={false} error={null} {...handlers} {...props} />);
  return { ...handlers, view };
}

describe('the popup’s offer to ask after calls on the open site', () => {
  it('offers in one sentence and one button, a real button the keyboard reaches', () => {
    const { onWatch } = show({});
    expect(screen.getByText(`Debrief does not ask after calls on ${HOST} yet.`)).toBeTruthy();
    expect(screen.getAllByRole('button')).toHaveLength(1);
    const button = screen.getByRole('button', { name: 'Ask me after calls on this site' });
    expect(button.tagName).toBe('BUTTON');
    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(onWatch).toHaveBeenCalledWith(HOST);
  });

  it('while the browser asks, says what to do and offers nothing to press twice', () => {
    show({ asking: true });
    expect(screen.getByRole('status').textContent).toContain('Answer your browser’s question');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a site the person added: says so, with a button to stop', () => {
    const { onStop } = show({ offer: { kind: 'watched', host: HOST, platform: null } });
    expect(screen.getByRole('status').textContent).toContain(`Debrief asks after calls on ${HOST}.`);
    fireEvent.click(screen.getByRole('button', { name: `Stop asking after calls on ${HOST}` }));
    expect(onStop).toHaveBeenCalledWith(HOST);
  });

  it('a supported platform: names it and says where to turn it off', () => {
    show({ offer: { kind: 'watched', host: 'app.talkspace.com', platform: 'Talkspace' } });
    expect(screen.getByText('Debrief asks after calls on Talkspace. To stop, turn it off in Settings.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('a refusal is said aloud, and the offer stays', () => {
    show({ error: `Debrief was not allowed on ${HOST}, so nothing changed.` });
    expect(screen.getByRole('alert').textContent).toBe(`Debrief was not allowed on ${HOST}, so nothing changed.`);
    expect(screen.getByRole('button', { name: 'Ask me after calls on this site' })).toBeTruthy();
  });

  it('shows nothing where nothing can be offered', () => {
    const { view } = show({ offer: { kind: 'not-offerable' } });
    expect(view.container.textContent).toBe('');
  });

  it('speaks Spanish in a Spanish browser', () => {
    fakeBrowser.i18n.getMessage = messageGetter(chromeMessages(es)) as typeof fakeBrowser.i18n.getMessage;
    show({});
    expect(screen.getByText(`Debrief todavía no pregunta después de las llamadas en ${HOST}.`)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Preguntarme después de las llamadas en este sitio' })).toBeTruthy();
  });
});

import { render, screen } from '@testing-library/preact';
import { afterEach, expect, it, vi } from 'vitest';
import { useLocationHash } from '@/entrypoints/options/use-location-hash';

function Shown() {
  const [hash] = useLocationHash();
  return <p>{hash}</p>;
}

afterEach(() => {
  vi.restoreAllMocks();
  history.replaceState(null, '', '#');
});

it('shows the view a link asked for while the page was starting, before it listened', () => {
  history.replaceState(null, '', '#/trends');
  const listen = window.addEventListener.bind(window);
  vi.spyOn(window, 'addEventListener').mockImplementation((type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
    // The hash moves on (its hashchange already gone) just before the page starts listening.
    if (type === 'hashchange') history.replaceState(null, '', '#/summary');
    listen(type, listener, options);
  });
  render(<Shown />);
  expect(screen.getByText('#/summary')).toBeTruthy();
});

it('follows later changes of the hash', async () => {
  history.replaceState(null, '', '#/history');
  render(<Shown />);
  location.hash = '#/goals';
  expect(await screen.findByText('#/goals')).toBeTruthy();
});

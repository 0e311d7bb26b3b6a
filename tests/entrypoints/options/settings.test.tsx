import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SettingsView } from '@/entrypoints/options/views/Settings';
import { customSites, disabledPlatforms, endAction, minSessionMinutes } from '@/utils/storage';

describe('settings', () => {
  it('keeps the minimum session length, defaulting to 10 minutes', async () => {
    render(<SettingsView />);
    const input = (await screen.findByRole('spinbutton', { name: 'Minimum session length' })) as HTMLInputElement;
    expect(input.value).toBe('10');
    expect(screen.getByRole('status').textContent).toBe('');
    fireEvent.input(input, { target: { value: '0' } });
    await waitFor(async () => expect(await minSessionMinutes.getValue()).toBe(0));
    // The change says it was kept.
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved. Changes apply at once.'));
  });

  it('rejects a length that is not a whole number of minutes and keeps the old one', async () => {
    render(<SettingsView />);
    const input = await screen.findByRole('spinbutton', { name: 'Minimum session length' });
    fireEvent.input(input, { target: { value: '-3' } });
    expect((await screen.findByRole('alert')).textContent).toMatch(/whole number of minutes/);
    expect(await minSessionMinutes.getValue()).toBe(10);
    expect(screen.getByRole('status').textContent).toBe(''); // nothing was saved, and nothing says so
  });

  it('turns a platform off and back on', async () => {
    render(<SettingsView />);
    const zoom = await screen.findByRole('checkbox', { name: 'Zoom' });
    fireEvent.click(zoom);
    await waitFor(async () => expect(await disabledPlatforms.getValue()).toEqual(['zoom']));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Zoom' }));
    await waitFor(async () => expect(await disabledPlatforms.getValue()).toEqual([]));
  });

  it('chooses what happens when a session ends', async () => {
    render(<SettingsView />);
    fireEvent.click(await screen.findByRole('radio', { name: 'Only mark the toolbar icon' }));
    await waitFor(async () => expect(await endAction.getValue()).toBe('badge'));
  });

  it('explains a site address it cannot use and adds nothing', async () => {
    render(<SettingsView />);
    fireEvent.input(await screen.findByRole('textbox', { name: 'Site address' }), { target: { value: 'http://clinic.example.com' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add site' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/secure \(https\)/);
    expect(await customSites.getValue()).toEqual([]);
  });
});

import { useEffect, useRef } from 'preact/hooks';
import { digitStep, TEN_WINDOW_MS } from '@/utils/checkin/digit-keys';
import type { Rating } from '@/utils/checkin/instrument';

/**
 * Digits typed on a focused scale rate it and move focus on (utils/checkin/digit-keys.ts):
 * to the next scale, and after the last one to `after` (the note). Returns the form's keydown handler.
 */
export function useDigitScales(setters: ((value: Rating) => void)[], after: { current: HTMLElement | null }) {
  const pendingOne = useRef<{ scale: Element; timer: number } | null>(null);
  const latest = useRef(setters);
  latest.current = setters;
  useEffect(() => () => void (pendingOne.current && clearTimeout(pendingOne.current.timer)), []);

  const scalesOf = (form: Element) => [...form.querySelectorAll('[data-scale]')];
  const focusScale = (scale: Element) => {
    const radios = [...scale.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    (radios.find((radio) => radio.checked) ?? radios[0])?.focus();
  };
  const advance = (form: Element, from: Element) => {
    const scales = scalesOf(form);
    const next = scales[scales.indexOf(from) + 1];
    if (next && scales.indexOf(from) + 1 < latest.current.length) focusScale(next);
    else after.current?.focus();
  };

  return (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const form = event.currentTarget as Element;
    let scale = (event.target as Element).closest('[data-scale]');
    if (!scale) return;
    let index = scalesOf(form).indexOf(scale);
    if (index < 0 || index >= latest.current.length) return;
    const pending = pendingOne.current?.scale === scale ? pendingOne.current : null;
    let step = digitStep(event.key, pending !== null);
    if (!step) return;
    event.preventDefault();
    if (pendingOne.current) clearTimeout(pendingOne.current.timer);
    pendingOne.current = null;
    if (pending && step.rate !== 10) {
      // The "1" stands; this digit is for the next scale.
      advance(form, scale);
      scale = (document.activeElement as Element | null)?.closest('[data-scale]') ?? null;
      index = scale ? scalesOf(form).indexOf(scale) : -1;
      if (!scale || index < 0 || index >= latest.current.length) return;
      step = digitStep(event.key, false);
      if (!step) return;
    }
    latest.current[index]?.(step.rate);
    const here = scale;
    if (step.advance === 'now') {
      advance(form, here);
      return;
    }
    here.querySelector<HTMLInputElement>(`input[value="${step.rate}"]`)?.focus();
    const timer = window.setTimeout(() => {
      pendingOne.current = null;
      if (here.contains(document.activeElement)) advance(form, here);
    }, TEN_WINDOW_MS);
    pendingOne.current = { scale: here, timer };
  };
}

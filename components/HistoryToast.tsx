import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

export interface UndoNotice {
  /** Changes with every new notice, restarting the countdown. */
  key: string;
  message: string;
}

export interface HistoryToastProps {
  notice: UndoNotice | null;
  /** How long the undo is offered; paused while the pointer or focus is on it. */
  durationMs: number;
  onUndo(): void;
  onExpire(): void;
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * A polite live region that stays in the document, so screen readers announce each notice
 * when it appears. Ctrl/Cmd+Z undoes too, so keyboard users need not travel to the button.
 */
export function HistoryToast({ notice, durationMs, onUndo, onExpire }: HistoryToastProps) {
  const key = notice?.key ?? null;
  // Tied to the notice it was set for, so a new notice never starts paused.
  const [pausedKey, setPausedKey] = useState<string | null>(null);
  const paused = key !== null && pausedKey === key;
  const remaining = useRef(new Map<string, number>());

  useEffect(() => {
    if (key === null || paused) return;
    const left = remaining.current.get(key) ?? durationMs;
    const started = Date.now();
    const timer = setTimeout(onExpire, left);
    return () => {
      clearTimeout(timer);
      remaining.current.set(key, left - (Date.now() - started));
    };
  }, [key, paused, durationMs, onExpire]);

  // A layout effect, so the shortcut works from the moment the notice is on screen.
  useLayoutEffect(() => {
    if (key === null) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey) || event.shiftKey) return;
      if (isTyping(event.target)) return;
      event.preventDefault();
      onUndo();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [key, onUndo]);

  return (
    <div
      role="status"
      class="history-toast-region"
      onMouseEnter={() => setPausedKey(key)}
      onMouseLeave={() => setPausedKey(null)}
      onFocusIn={() => setPausedKey(key)}
      onFocusOut={() => setPausedKey(null)}
    >
      {notice && (
        <div class="history-toast">
          <span>{notice.message}</span>
          <button type="button" onClick={onUndo}>
            {t('history.undo')}
          </button>
        </div>
      )}
    </div>
  );
}

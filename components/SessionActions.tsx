import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';

/** A lasting choice offered under "More choices" once a session is set aside. */
export interface LastingChoice {
  label: string;
  onChoose(): void;
}

export interface SetAsidePanelProps {
  /** The group's name for a screen reader ("Not a therapy session"); the message when left out. */
  label?: string;
  /** What just happened: "Marked as not a therapy session." */
  message: string;
  /** What the last lasting choice did, said in the same status line. */
  done?: string | null;
  /** Lasting choices, one step further away (none: no "More choices"). */
  choices?: LastingChoice[];
  onUndo(): void;
  onClose(): void;
}

/** The plain confirmation that replaces a session set aside: Undo, Close, and lasting choices one step away. */
export function SetAsidePanel({ label, message, done = null, choices = [], onUndo, onClose }: SetAsidePanelProps) {
  const undo = useRef<HTMLButtonElement>(null);
  // The button pressed is gone: keep keyboard users where they were.
  useEffect(() => undo.current?.focus(), []);
  return (
    <div class="set-aside" role="group" aria-label={label ?? message}>
      <p role="status" class="status-line">
        {done ?? message}
      </p>
      <div class="set-aside-buttons">
        <button type="button" ref={undo} onClick={onUndo}>
          {t('setAside.undo')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {choices.length > 0 && (
        <details class="more-choices">
          <summary>{t('setAside.moreChoices')}</summary>
          {choices.map((choice) => (
            <button key={choice.label} type="button" class="link-button" onClick={choice.onChoose}>
              {choice.label}
            </button>
          ))}
        </details>
      )}
    </div>
  );
}

export interface SessionActionsProps {
  onRemindLater(): void;
  onDismiss(): void;
}

/** The check-in's ways out other than saving: "Remind me later", and the quieter "Not a therapy session". */
export function SessionActions(props: SessionActionsProps) {
  return (
    <>
      <button type="button" onClick={props.onRemindLater}>
        {t('checkIn.remindLater')}
      </button>
      <button type="button" class="link-button" onClick={props.onDismiss}>
        {t('checkIn.notTherapy')}
      </button>
    </>
  );
}

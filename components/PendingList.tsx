import { useId, useState } from 'preact/hooks';
import { formatSessionSpan, formatTime } from '@/utils/checkin/format';
import { formatNumber, t } from '@/utils/i18n';
import { SetAsidePanel } from './SessionActions';

export interface PendingSession {
  id: string;
  platform: string;
  platformName: string;
  startedMs: number;
  endedMs: number | null;
  /** Set when "Remind me later" put it off until then. */
  snoozedUntil: number | null;
}

/** How a waiting session was set aside from the list. */
export type SetAsideKind = 'dismissed' | 'skipped';

export interface PendingListProps {
  /** Recent sessions waiting for a check-in, newest first. */
  sessions: PendingSession[];
  /** Sessions left unanswered longer than the set time: listed apart, collapsed. */
  older: PendingSession[];
  /** The heading's level where the list sits: 2 in the popup, 3 in History. */
  headingLevel: 2 | 3;
  /** Opens the check-in (popup), or `checkInHref` makes "Check in" a link (History). */
  onCheckIn?(sessionId: string): void;
  checkInHref?(sessionId: string): string;
  /** Each resolves once stored; a rejection leaves the row as it was (the caller says why). */
  onSetAside(session: PendingSession, kind: SetAsideKind): Promise<void>;
  /** `askAgain`: "Stop asking" was chosen here too, and is taken back with the rest. */
  onUndo(session: PendingSession, kind: SetAsideKind, askAgain: boolean): Promise<void>;
  onStopAsking(session: PendingSession): Promise<void>;
}

/** Sessions that ended without a check-in: each can be checked in on, marked not therapy, or skipped, and undone. */
export function PendingList(props: PendingListProps) {
  const id = useId();
  const [setAside, setSetAside] = useState<Record<string, SetAsideKind>>({});
  const [stopped, setStopped] = useState<string[]>([]);
  const [closed, setClosed] = useState<string[]>([]);
  const shown = (list: PendingSession[]) => list.filter((s) => !closed.includes(s.id));
  const recent = shown(props.sessions);
  const older = shown(props.older);
  if (recent.length === 0 && older.length === 0) return null;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';

  const mark = (session: PendingSession, kind: SetAsideKind | null) =>
    setSetAside(({ [session.id]: _, ...rest }) => (kind ? { ...rest, [session.id]: kind } : rest));

  const row = (session: PendingSession) => {
    const when = formatSessionSpan(session.startedMs, session.endedMs);
    const labelId = `${id}-${session.id}`;
    const kind = setAside[session.id];
    if (kind) {
      const didStop = stopped.includes(session.id);
      return (
        <li key={session.id} class="pending-item">
          <SetAsidePanel
            message={
              kind === 'dismissed'
                ? t('setAside.dismissedOne', { platform: session.platformName, when })
                : t('setAside.skippedOne', { platform: session.platformName, when })
            }
            done={didStop ? t('checkIn.chosen.stopAsking', { platform: session.platformName }) : null}
            choices={
              kind === 'dismissed' && !didStop
                ? [
                    {
                      label: t('checkIn.choice.stopAsking', { platform: session.platformName }),
                      onChoose: () => void props.onStopAsking(session).then(() => setStopped((ids) => [...ids, session.id]), () => undefined),
                    },
                  ]
                : []
            }
            onUndo={() =>
              void props.onUndo(session, kind, didStop).then(() => {
                mark(session, null);
                setStopped((ids) => ids.filter((other) => other !== session.id));
              }, () => undefined)
            }
            onClose={() => setClosed((ids) => [...ids, session.id])}
          />
        </li>
      );
    }
    const checkInLabel = t('checkInFlow.checkInSessionOn', { platform: session.platformName, when });
    return (
      <li key={session.id} class="pending-item">
        <span id={labelId}>
          <strong>{session.platformName}</strong> · {when}
          {session.snoozedUntil !== null && (
            <span class="hint pending-snoozed">{t('checkInFlow.snoozedUntil', { time: formatTime(session.snoozedUntil) })}</span>
          )}
        </span>
        <span class="pending-actions">
          {props.checkInHref ? (
            <a class="button-link" href={props.checkInHref(session.id)} aria-label={checkInLabel}>
              {t('checkInFlow.checkInSession')}
            </a>
          ) : (
            <button type="button" aria-label={checkInLabel} onClick={() => props.onCheckIn?.(session.id)}>
              {t('checkInFlow.checkInSession')}
            </button>
          )}
          <button type="button" aria-describedby={labelId} onClick={() => void props.onSetAside(session, 'dismissed').then(() => mark(session, 'dismissed'), () => undefined)}>
            {t('setAside.notTherapy')}
          </button>
          <button type="button" aria-describedby={labelId} onClick={() => void props.onSetAside(session, 'skipped').then(() => mark(session, 'skipped'), () => undefined)}>
            {t('setAside.skip')}
          </button>
        </span>
      </li>
    );
  };

  return (
    <section class="pending" aria-labelledby={`${id}-heading`}>
      <Heading id={`${id}-heading`}>{t('common.waitingForCheckIn')}</Heading>
      {recent.length > 0 && <ul class="pending-list">{recent.map(row)}</ul>}
      {older.length > 0 && (
        <details class="pending-older">
          <summary>{t('setAside.older', { count: formatNumber(older.length) })}</summary>
          <ul class="pending-list">{older.map(row)}</ul>
        </details>
      )}
    </section>
  );
}

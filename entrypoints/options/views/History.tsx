import type { RenderableProps } from 'preact';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import '@/components/history.css';
import { CheckInDetail } from '@/components/CheckInDetail';
import { historyRowId } from '@/components/HistoryList';
import { HISTORY_PAGE_SIZE, HISTORY_RESULTS_ID, HistoryPage } from '@/components/HistoryPage';
import { HistoryToast, type UndoNotice } from '@/components/HistoryToast';
import { formatDateTime } from '@/utils/checkin/format';
import { deleteCheckIn, listCheckIns, restoreCheckIn, updateCheckIn } from '@/utils/db/checkins';
import { listAllCheckIns } from '@/utils/db/history';
import { listAllGoals } from '@/utils/db/goals';
import { getDb, type DebriefDb } from '@/utils/db/open';
import { t } from '@/utils/i18n';
import type { CheckIn, CheckInAnswers, Goal } from '@/utils/db/schema';
import { platformName } from '@/utils/sites/catalog';
import { checkInUrl as defaultCheckInUrl } from '@/utils/session/check-in-window';
import { hashRoute, parseHashRoute } from '@/utils/hash-route';
import { useLocationHash } from '../use-location-hash';
import { useVisibleLoad } from '../use-visible-load';
import { ErrorAlert } from '@/components/ErrorAlert';
import { HistoryWaiting } from './HistoryWaiting';
import { messageOf } from '@/utils/errors';

export interface HistoryViewProps {
  openDb?: () => Promise<DebriefDb>;
  /** The check-in page for a session; the default asks the extension for its own URL. */
  checkInUrl?: (sessionId: string) => string;
  /** How long a delete can be undone. */
  undoMs?: number;
  searchDelayMs?: number;
}

const LIST_HASH = hashRoute(['history']);
const entryHref = (id: string) => hashRoute(['history', id]);
function entryIdFromHash(hash: string): string | null {
  const [view, id] = parseHashRoute(hash).segments;
  return view === 'history' ? (id ?? null) : null;
}

/** Puts a check-in back where it belongs in a newest-first list. */
function insertNewestFirst(checkIns: readonly CheckIn[], checkIn: CheckIn): CheckIn[] {
  const at = checkIns.findIndex((other) => other.createdMs < checkIn.createdMs);
  const next = checkIns.filter((other) => other.id !== checkIn.id);
  next.splice(at === -1 ? next.length : at, 0, checkIn);
  return next;
}

interface Loaded {
  checkIns: CheckIn[];
  complete: boolean;
}

interface DeletedNotice extends UndoNotice {
  checkIn: CheckIn;
}

/** The History view: wires the database and the URL hash to the history components. */
export function HistoryView({
  openDb = getDb,
  checkInUrl = defaultCheckInUrl,
  undoMs = 8000,
  searchDelayMs,
}: RenderableProps<HistoryViewProps>) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [goals, setGoals] = useState<Goal[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [hash, setHash] = useLocationHash();
  const [notice, setNotice] = useState<DeletedNotice | null>(null);
  const [focusRequest, setFocusRequest] = useState<string[] | null>(null);
  // Bumped by every edit, delete and undo so a read that started before one is not applied over it.
  const changes = useRef(0);
  // After the first full read, refreshes read everything at once.
  const readAll = useRef(false);

  const load = useCallback(async () => {
    try {
      const db = await openDb();
      for (;;) {
        const seen = changes.current;
        const [firstPage, allGoals] = await Promise.all([
          readAll.current ? Promise.resolve(null) : listCheckIns(db, HISTORY_PAGE_SIZE),
          listAllGoals(db),
        ]);
        if (seen !== changes.current) continue;
        setGoals(allGoals);
        // Show the newest page at once, then read the rest in one go.
        if (firstPage) setLoaded({ checkIns: firstPage, complete: firstPage.length < HISTORY_PAGE_SIZE });
        if (firstPage && firstPage.length < HISTORY_PAGE_SIZE) break;
        const all = await listAllCheckIns(db);
        if (seen !== changes.current) continue;
        setLoaded({ checkIns: all, complete: true });
        break;
      }
      readAll.current = true;
      setError(null);
    } catch (err) {
      setError(messageOf(err));
    }
  }, [openDb]);

  useVisibleLoad(load);

  const selectedId = entryIdFromHash(hash);
  const previousId = useRef<string | null>(null);
  useEffect(() => {
    // Back from an entry: return focus to its row, as a user expects after "Back".
    if (previousId.current && !selectedId) setFocusRequest((request) => request ?? [historyRowId(previousId.current!)]);
    previousId.current = selectedId;
  }, [selectedId]);
  useEffect(() => {
    if (!focusRequest) return;
    const target = [...focusRequest, HISTORY_RESULTS_ID].map((id) => document.getElementById(id)).find(Boolean);
    target?.focus();
    setFocusRequest(null);
  }, [focusRequest]);

  const goalsById = useMemo(() => new Map(goals.map((goal) => [goal.id, goal])), [goals]);
  const goalName = useCallback((goalId: string) => goalsById.get(goalId)?.title ?? t('history.removedGoal'), [goalsById]);
  const replaceCheckIns = (change: (checkIns: CheckIn[]) => CheckIn[]) => {
    changes.current += 1;
    setLoaded((current) => current && { ...current, checkIns: change(current.checkIns) });
  };

  const save = async (id: string, answers: CheckInAnswers) => {
    const updated = await updateCheckIn(await openDb(), id, () => answers);
    replaceCheckIns((checkIns) => checkIns.map((c) => (c.id === id ? updated : c)));
  };

  const remove = async (id: string) => {
    const checkIns = loaded?.checkIns ?? [];
    const at = checkIns.findIndex((c) => c.id === id);
    const neighbours = [checkIns[at + 1], checkIns[at - 1]].filter((c): c is CheckIn => c !== undefined);
    const removed = await deleteCheckIn(await openDb(), id);
    replaceCheckIns((current) => current.filter((c) => c.id !== id));
    if (removed) {
      const when = formatDateTime(removed.sessionStartedAt ?? removed.createdAt);
      setNotice({ key: `${id}:${Date.now()}`, message: t('history.deleted', { when }), checkIn: removed });
    }
    // Replace, not push: Back should not lead to an entry that no longer exists.
    history.replaceState(history.state, '', LIST_HASH);
    setHash(LIST_HASH);
    setFocusRequest(neighbours.map((c) => historyRowId(c.id)));
  };

  const undone = useRef<string | null>(null);
  const undo = useCallback(async () => {
    // A double click or a repeated Ctrl+Z before the notice leaves must not restore twice.
    if (!notice || undone.current === notice.key) return;
    undone.current = notice.key;
    setNotice(null);
    try {
      const restored = await restoreCheckIn(await openDb(), notice.checkIn);
      replaceCheckIns((checkIns) => insertNewestFirst(checkIns, restored));
      setFocusRequest([historyRowId(restored.id)]);
    } catch (err) {
      setError(t('history.undoFailed', { error: messageOf(err) }));
    }
  }, [notice, openDb]);
  const onUndo = useCallback(() => void undo(), [undo]);
  const expire = useCallback(() => setNotice(null), []);

  const selected = selectedId ? loaded?.checkIns.find((c) => c.id === selectedId) : undefined;
  return (
    <div class="history-view">
      <ErrorAlert message={error} />
      <HistoryToast notice={notice} durationMs={undoMs} onUndo={onUndo} onExpire={expire} />
      {selectedId &&
        (selected ? (
          <CheckInDetail
            key={selected.id}
            checkIn={selected}
            goals={goals}
            platformName={platformName}
            goalName={goalName}
            backHref={LIST_HASH}
            onSave={(answers) => save(selected.id, answers)}
            onDelete={() => remove(selected.id)}
          />
        ) : loaded?.complete ? (
          <p class="notice">
            {t('history.entryGone')} <a href={LIST_HASH}>{t('common.backToHistory')}</a>
          </p>
        ) : (
          <p aria-busy="true">{t('common.loading')}</p>
        ))}
      {loaded ? (
        <HistoryPage
          checkIns={loaded.checkIns}
          complete={loaded.complete}
          waiting={<HistoryWaiting openDb={openDb} checkInUrl={checkInUrl} />}
          platformName={platformName}
          goalName={goalName}
          entryHref={entryHref}
          hidden={selectedId !== null}
          searchDelayMs={searchDelayMs}
        />
      ) : (
        !selectedId && !error && <p aria-busy="true">{t('common.loading')}</p>
      )}
    </div>
  );
}

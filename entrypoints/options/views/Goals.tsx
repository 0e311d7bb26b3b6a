import type { RenderableProps } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import '@/components/trends.css';
import { GoalAddForm } from '@/components/GoalAddForm';
import { GoalList } from '@/components/GoalList';
import { goalProgressOf, type GoalProgressEntry } from '@/utils/checkin/trends';
import { addGoal, listAllGoals, renameGoal, setGoalStatus } from '@/utils/db/goals';
import { listAllCheckIns } from '@/utils/db/history';
import { getDb, type DebriefDb } from '@/utils/db/open';
import { t } from '@/utils/i18n';
import type { CheckIn, Goal, GoalStatus } from '@/utils/db/schema';
import { ErrorAlert } from '@/components/ErrorAlert';
import { messageOf } from '@/utils/errors';

export interface GoalsViewProps {
  openDb?: () => Promise<DebriefDb>;
  now?: () => Date;
}

const systemNow = () => new Date();
/** What is announced after a status change, as a whole sentence per status. */
const STATUS_CHANGED: Record<GoalStatus, (goal: string) => string> = {
  active: (goal) => t('goals.madeActive', { goal }),
  achieved: (goal) => t('goals.markedAchieved', { goal }),
  archived: (goal) => t('goals.wasArchived', { goal }),
};

/** The Goals view: add, rename, mark achieved or archive; each goal's progress across sessions. */
export function GoalsView({ openDb = getDb, now = systemNow }: RenderableProps<GoalsViewProps>) {
  const [goals, setGoals] = useState<Goal[] | null>(null);
  const [checkIns, setCheckIns] = useState<CheckIn[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusGoalId, setFocusGoalId] = useState<string | null>(null);

  const reloadGoals = useCallback(async () => setGoals(await listAllGoals(await openDb())), [openDb]);
  useEffect(() => {
    const load = () =>
      (async () => {
        const db = await openDb();
        const [allGoals, allCheckIns] = await Promise.all([listAllGoals(db), listAllCheckIns(db)]);
        setGoals(allGoals);
        setCheckIns(allCheckIns);
      })().catch((err: unknown) => setError(messageOf(err)));
    void load();
    // Coming back from a check-in window: show the progress it just recorded.
    window.addEventListener('focus', load);
    return () => window.removeEventListener('focus', load);
  }, [openDb]);

  // One pass over the check-ins per goal list change, not one per goal per render.
  const progress = useMemo(() => {
    const byGoal = new Map<string, GoalProgressEntry[]>();
    for (const goal of goals ?? []) byGoal.set(goal.id, goalProgressOf(checkIns, goal.id));
    return byGoal;
  }, [goals, checkIns]);
  const progressOf = useCallback((goalId: string) => progress.get(goalId) ?? [], [progress]);

  const add = async (title: string) => {
    const goal = await addGoal(await openDb(), title, now());
    await reloadGoals();
    setFocusGoalId(null);
    setAnnouncement(t('goals.added', { goal: goal.title }));
  };
  const rename = async (goal: Goal, title: string) => {
    const renamed = await renameGoal(await openDb(), goal.id, title, now());
    await reloadGoals();
    setAnnouncement(t('goals.renamed', { goal: renamed.title }));
  };
  const changeStatus = async (goal: Goal, status: GoalStatus) => {
    await setGoalStatus(await openDb(), goal.id, status, now());
    // Before the reload, so the goal's heading takes focus as it appears in its new section.
    setFocusGoalId(goal.id);
    await reloadGoals();
    setAnnouncement(STATUS_CHANGED[status](goal.title));
  };

  if (error) return <ErrorAlert message={error} />;
  const byStatus = (status: GoalStatus) => (goals ?? []).filter((goal) => goal.status === status);
  const lists = { onRename: rename, onSetStatus: changeStatus, progressOf, focusGoalId };
  return (
    <div class="goals">
      <p class="hint">{t('goals.intro')}</p>
      <GoalAddForm onAdd={add} />
      <p class="status-line" role="status">
        {announcement}
      </p>
      {goals === null ? (
        <p aria-busy="true">{t('common.loading')}</p>
      ) : (
        <>
          <GoalList heading={t('goals.active')} goals={byStatus('active')} empty={t('goals.noActive')} {...lists} />
          <GoalList heading={t('goals.achieved')} goals={byStatus('achieved')} {...lists} />
          <GoalList heading={t('goals.archived')} goals={byStatus('archived')} {...lists} />
        </>
      )}
    </div>
  );
}

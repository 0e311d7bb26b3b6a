import type { RenderableProps } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import '@/components/trends.css';
import { GoalAddForm } from '@/components/GoalAddForm';
import { GoalList } from '@/components/GoalList';
import { goalProgressOf, type GoalProgressEntry } from '@/utils/checkin/trends';
import { addGoal, renameGoal, setGoalStatus } from '@/utils/db/goals';
import { listAllCheckIns, listAllGoals } from '@/utils/db/history';
import { getDb, type DebriefDb } from '@/utils/db/open';
import type { CheckIn, Goal, GoalStatus } from '@/utils/db/schema';

export interface GoalsViewProps {
  openDb?: () => Promise<DebriefDb>;
  now?: () => Date;
}

const systemNow = () => new Date();
const STATUS_WORDS: Record<GoalStatus, string> = { active: 'made active again', achieved: 'marked achieved', archived: 'archived' };

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
      })().catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
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
    setAnnouncement(`Added “${goal.title}”. The check-in will ask about it after your next session.`);
  };
  const rename = async (goal: Goal, title: string) => {
    const renamed = await renameGoal(await openDb(), goal.id, title, now());
    await reloadGoals();
    setAnnouncement(`Renamed to “${renamed.title}”.`);
  };
  const changeStatus = async (goal: Goal, status: GoalStatus) => {
    await setGoalStatus(await openDb(), goal.id, status, now());
    // Before the reload, so the goal's heading takes focus as it appears in its new section.
    setFocusGoalId(goal.id);
    await reloadGoals();
    setAnnouncement(`“${goal.title}” ${STATUS_WORDS[status]}.`);
  };

  if (error) return <p role="alert" class="error">{error}</p>;
  const byStatus = (status: GoalStatus) => (goals ?? []).filter((goal) => goal.status === status);
  const lists = { onRename: rename, onSetStatus: changeStatus, progressOf, focusGoalId };
  return (
    <div class="goals">
      <p class="hint">Your own goals for therapy. After each session the check-in asks how it moved each active goal forward.</p>
      <GoalAddForm onAdd={add} />
      <p class="status-line" role="status">
        {announcement}
      </p>
      {goals === null ? (
        <p aria-busy="true">Loading…</p>
      ) : (
        <>
          <GoalList heading="Active goals" goals={byStatus('active')} empty="No active goals. Add one above." {...lists} />
          <GoalList heading="Achieved" goals={byStatus('achieved')} {...lists} />
          <GoalList heading="Archived" goals={byStatus('archived')} {...lists} />
        </>
      )}
    </div>
  );
}

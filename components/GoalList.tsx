import { useId } from 'preact/hooks';
import type { GoalProgressEntry } from '@/utils/checkin/trends';
import type { Goal, GoalStatus } from '@/utils/db/schema';
import { GoalItem } from './GoalItem';

export interface GoalListProps {
  heading: string;
  goals: Goal[];
  /** Progress per goal id, oldest first. */
  progressOf(goalId: string): GoalProgressEntry[];
  onRename(goal: Goal, title: string): Promise<void>;
  onSetStatus(goal: Goal, status: GoalStatus): Promise<void>;
  /** The goal whose heading takes focus, after it moved here. */
  focusGoalId?: string | null;
  /** Shown when there are no goals; the section is left out when absent. */
  empty?: string;
  locale?: string;
}

/** Goals of one status under a heading. */
export function GoalList({ heading, goals, progressOf, onRename, onSetStatus, focusGoalId, empty, locale }: GoalListProps) {
  const headingId = useId();
  if (goals.length === 0 && !empty) return null;
  return (
    <section class="goal-section" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {heading} ({goals.length})
      </h3>
      {goals.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <ul class="goal-list" aria-labelledby={headingId}>
          {goals.map((goal) => (
            <GoalItem
              key={goal.id}
              goal={goal}
              progress={progressOf(goal.id)}
              onRename={(title) => onRename(goal, title)}
              onSetStatus={(status) => onSetStatus(goal, status)}
              focusOnMount={goal.id === focusGoalId}
              locale={locale}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

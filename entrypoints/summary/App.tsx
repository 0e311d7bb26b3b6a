/**
 * The printable summary, its own page rather than an options view: what prints is exactly
 * this page (no options navigation to hide from the printer), the title names the PDF the
 * browser saves, and the choice lives in the URL, so the options view simply links here.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { SummaryChoices } from '@/components/SummaryChoices';
import { SummarySheet } from '@/components/SummarySheet';
import type { DrawPlot } from '@/components/TrendUPlot';
import { describeChanges, INSIGHT_RULES } from '@/utils/checkin/insights';
import { summaryChoiceFromQuery, summaryEntries, summaryPeriod, type SummaryChoice } from '@/utils/checkin/summary';
import { metricAverages, metricSeries } from '@/utils/checkin/series';
import { filterForTrends, goalProgressOf, METRICS, providersOf, ROLLING_WINDOW } from '@/utils/checkin/trends';
import { goalProgressSummary } from '@/utils/checkin/goal-progress';
import { waitingBringUps, type BringUp } from '@/utils/checkin/bring-up';
import { listGoals } from '@/utils/db/goals';
import { listAllCheckIns } from '@/utils/db/history';
import { getDb, type DebriefDb } from '@/utils/db/open';
import type { CheckIn, Goal } from '@/utils/db/schema';
import { t } from '@/utils/i18n';
import { ErrorAlert } from '@/components/ErrorAlert';
import { UnlockForm } from '@/components/UnlockForm';
import { isLocked } from '@/utils/db/errors';
import { unlock } from '@/utils/db/unlock';
import { messageOf } from '@/utils/errors';

export interface SummaryAppProps {
  /** The page's query string: from, to, provider and note choices. */
  search: string;
  openDb?: () => Promise<DebriefDb>;
  now?: Date;
  print?: () => void;
  draw?: DrawPlot;
}

const systemPrint = () => window.print();

export function App({ search, openDb = getDb, now: givenNow, print = systemPrint, draw }: SummaryAppProps) {
  const [now] = useState(() => givenNow ?? new Date());
  const initial = useMemo(() => summaryChoiceFromQuery(search), [search]);
  const [choice, setChoice] = useState<SummaryChoice>(initial);
  const [checkIns, setCheckIns] = useState<CheckIn[] | null>(null);
  const [goals, setGoals] = useState<Goal[]>([]);
  const [openItems, setOpenItems] = useState<BringUp[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [locked, setLocked] = useState(false);

  const load = () =>
    openDb()
      .then(async (db) => {
        const [all, active, open] = await Promise.all([
          listAllCheckIns(db),
          listGoals(db),
          waitingBringUps(db, { beforeMs: now.getTime() + 1, therapist: initial.provider }),
        ]);
        setGoals(active);
        setOpenItems(open);
        setCheckIns(all);
      })
      .catch((err: unknown) => (isLocked(err) ? setLocked(true) : setError(messageOf(err))));
  useEffect(() => {
    void load();
  }, [openDb, now, initial]);
  const tryUnlock = async (secret: string) => {
    const opened = await unlock(await openDb(), secret);
    if (opened) {
      setLocked(false);
      await load();
    }
    return opened;
  };

  // The sheet shows what the URL asked for; edits to the form apply on "Update summary".
  const filtered = useMemo(() => filterForTrends(checkIns ?? [], initial), [checkIns, initial]);
  const period = summaryPeriod(initial, filtered);
  // Memoised on the check-ins so typing in the choices form does not redraw every chart.
  const sheet = useMemo(
    () => ({
      averages: metricAverages(filtered),
      // The person hands this page over: the sentences are theirs ("my last six sessions").
      insights: describeChanges(filtered, now, { ...INSIGHT_RULES, voice: 'me' }),
      series: METRICS.map((metric) => ({ metric, points: metricSeries(filtered, metric.id) })),
      entries: initial.notes.length > 0 ? summaryEntries(filtered, initial.notes, initial.sessions) : null,
      goals: goals.map((goal) => ({ id: goal.id, title: goal.title, progress: goalProgressSummary(goal, goalProgressOf(filtered, goal.id)) })),
    }),
    [filtered, now, initial, goals],
  );
  const providers = useMemo(() => providersOf(checkIns ?? []), [checkIns]);
  useEffect(() => {
    document.title = t('summary.documentTitle', { period });
  }, [period]);

  if (error) return <ErrorAlert message={error} />;
  if (locked) {
    return (
      <main class="summary-page">
        <UnlockForm onUnlock={tryUnlock} />
      </main>
    );
  }
  if (!checkIns) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <main class="summary-page">
      <div class="summary-toolbar">
        <button type="button" class="primary" onClick={print}>
          {t('summary.print')}
        </button>
        <a href="options.html#/summary">{t('summary.back')}</a>
        <span class="hint">{t('summary.nothingSent')}</span>
      </div>
      <details class="summary-change">
        <summary>{t('summary.change')}</summary>
        <SummaryChoices
          value={choice}
          onChange={setChoice}
          providers={providers}
          action="summary.html"
          submitLabel={t('summary.update')}
        />
      </details>
      <SummarySheet
        period={period}
        provider={initial.provider}
        checkInCount={filtered.length}
        {...sheet}
        openItems={openItems}
        window={ROLLING_WINDOW}
        madeOn={now}
        draw={draw}
      />
    </main>
  );
}

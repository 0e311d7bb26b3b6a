import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';
import { formatDateTime, formatDuration, formatRating } from '@/utils/checkin/format';
import { NOTE_PROMPTS, OVERALL, SIGNS, type Rating } from '@/utils/checkin/instrument';
import type { CheckIn } from '@/utils/db/schema';
import { t } from '@/utils/i18n';

export interface CheckInDetailBodyProps {
  checkIn: CheckIn;
  platformName(platform: string): string;
  goalName(goalId: string): string;
}

function rating(value: Rating): string {
  return value === null ? t('common.skipped') : formatRating(value);
}

function Section({ title, children }: { title: string; children: ComponentChildren }) {
  const id = useId();
  return (
    <section class="checkin-detail-section" aria-labelledby={id}>
      <h4 id={id}>{title}</h4>
      {children}
    </section>
  );
}

function Facts({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="checkin-facts">
      {rows.map(([term, value], index) => (
        <div key={index} class="checkin-fact">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function sessionMs(iso: string | null): number | null {
  const ms = iso === null ? NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

/** Everything a check-in holds, read-only: session facts, every sign, notes, goals, reflection. */
export function CheckInDetailBody({ checkIn, platformName, goalName }: CheckInDetailBodyProps) {
  const duration = formatDuration(sessionMs(checkIn.sessionStartedAt), sessionMs(checkIn.sessionEndedAt));
  const progress = checkIn.goalProgress.filter((p) => p.rating !== null || p.note.trim() !== '');
  const reflection = checkIn.reflection;
  return (
    <>
      <Facts
        rows={[
          [t('detail.platform'), checkIn.platform ? platformName(checkIn.platform) : t('common.manual')],
          [t('detail.session'), checkIn.sessionStartedAt ? formatDateTime(checkIn.sessionStartedAt) : t('detail.notFromSession')],
          [t('detail.duration'), duration ?? t('detail.unknown')],
          [t('detail.checkedIn'), formatDateTime(checkIn.createdAt)],
          [t('detail.therapist'), checkIn.provider.trim() || t('detail.notRecorded')],
          [t('detail.tags'), checkIn.tags.length > 0 ? checkIn.tags.join(', ') : t('detail.noTags')],
        ]}
      />
      {checkIn.history.length > 0 && <p class="hint">{t('detail.edited')}</p>}
      <Section title={t('detail.ratings')}>
        <Facts rows={[...SIGNS.map((sign): [string, string] => [sign.name, rating(checkIn.ratings[sign.id])]), [OVERALL.name, rating(checkIn.overall)]]} />
      </Section>
      <Section title={t('detail.notes')}>
        <Facts
          rows={NOTE_PROMPTS.map((prompt): [string, ComponentChildren] => {
            const text = checkIn.notes[prompt.id].trim();
            return [prompt.label, text ? <span class="checkin-note">{text}</span> : <span class="hint">{t('common.noNote')}</span>];
          })}
        />
      </Section>
      <Section title={t('detail.goalProgress')}>
        {progress.length === 0 ? (
          <p class="hint">{t('detail.noGoalProgress')}</p>
        ) : (
          <Facts
            rows={progress.map((p): [string, ComponentChildren] => [
              goalName(p.goalId),
              <>
                {rating(p.rating)}
                {p.note.trim() && <span class="checkin-note"> — {p.note.trim()}</span>}
              </>,
            ])}
          />
        )}
      </Section>
      {reflection && (
        <Section title={t('detail.reflection')}>
          <Facts
            rows={[
              [t('detail.answered'), formatDateTime(reflection.answeredAt)],
              [t('detail.used'), rating(reflection.used)],
              [
                t('detail.reflection'),
                reflection.text.trim() ? <span class="checkin-note">{reflection.text}</span> : <span class="hint">{t('common.noNote')}</span>,
              ],
            ]}
          />
        </Section>
      )}
    </>
  );
}

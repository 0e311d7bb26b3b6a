import type { JSX } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { emptyAnswers, hasHiddenDetails, isBlank, parseTags } from '@/utils/checkin/answers';
import { latestOnlyWriter } from '@/utils/checkin/draft-writer';
import type { CheckInStore } from '@/utils/checkin/store';
import { draftKeyFor } from '@/utils/checkin/drafts';
import type { CheckIn, CheckInAnswers, Goal } from '@/utils/db/schema';
import { t } from '@/utils/i18n';
import { CheckInForm } from './CheckInForm';
import { SessionHeader, type SessionInfo } from './SessionHeader';
import { UnlockForm } from './UnlockForm';
import { messageOf } from '@/utils/errors';

export interface CheckInScreenProps {
  store: CheckInStore;
  session: SessionInfo | null;
  goals: Goal[];
  /** The therapist last named on this platform, offered when there is no draft. */
  initialProvider?: string;
  onSaved?(checkIn: CheckIn): void;
  /** When given, a saved check-in shows a Close button instead of a fresh form. */
  onClose?(): void;
  /** The ways out of this check-in ("Remind me later", "Not a therapy session"), shown at the top. */
  actions?: JSX.Element;
  /** Shown above the questions, e.g. what the person wanted to bring up this time. */
  before?: JSX.Element;
  /** "More notes and details" was left open last time. */
  detailsOpen?: boolean;
  onDetailsToggle?(open: boolean): void;
}

/** The check-in with its draft kept on every keystroke and a visible save confirmation. */
export function CheckInScreen(props: CheckInScreenProps) {
  const { store, session, goals, onSaved, onClose, actions, initialProvider = '' } = props;
  const draftKey = draftKeyFor(session?.id ?? null);
  const [answers, setAnswers] = useState<CheckInAnswers | null>(null);
  const [tagsText, setTagsText] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [draftHadDetails, setDraftHadDetails] = useState(false);
  // A check-in started earlier is sealed while locked: no form (typing would replace it) until unlocked.
  const [draftLocked, setDraftLocked] = useState(false);
  const [unlocks, setUnlocks] = useState(0);
  const touched = useRef(false);
  const closeButton = useRef<HTMLButtonElement>(null);
  const drafts = useMemo(
    () =>
      latestOnlyWriter(
        (next: CheckInAnswers) => store.saveDraft(draftKey, next).then(() => setError(null)),
        (err: unknown) => setError(t('checkIn.draftNotKept', { error: messageOf(err) })),
      ),
    [store, draftKey],
  );

  useEffect(() => {
    let live = true;
    store.loadDraft(draftKey).then(
      (draft) => {
        if (!live || touched.current) return;
        setDraftLocked(draft === 'locked');
        if (draft === 'locked') return;
        const initial = draft ?? { ...emptyAnswers(), provider: initialProvider };
        setAnswers(initial);
        setTagsText(initial.tags.join(', '));
        setDraftHadDetails(hasHiddenDetails(initial, initialProvider));
      },
      (err: unknown) => {
        if (!live) return;
        setAnswers(emptyAnswers());
        setError(messageOf(err));
      },
    );
    return () => {
      live = false;
    };
  }, [store, draftKey, initialProvider, unlocks]);

  const tryUnlock = async (secret: string) => {
    const opened = await store.unlock(secret);
    if (opened) setUnlocks((n) => n + 1);
    return opened;
  };

  const change = (next: CheckInAnswers) => {
    touched.current = true;
    setAnswers(next);
    setSaved(false);
    drafts.write(next);
  };

  const submit = async () => {
    if (!answers || saving) return;
    if (isBlank(answers)) {
      setError(t('checkIn.blank'));
      return;
    }
    setSaving(true);
    setError(null);
    // A draft write landing after the save would bring the saved check-in back as a draft.
    await drafts.settle();
    try {
      const checkIn = await store.save({
        ...answers,
        sessionId: session?.id ?? null,
      });
      touched.current = false;
      setAnswers({ ...emptyAnswers(), provider: answers.provider });
      setTagsText('');
      setError(null);
      setSaved(true);
      onSaved?.(checkIn);
    } catch (err) {
      // The answers stay on screen and in the draft: nothing typed is lost. The message comes after
      // that draft write has landed, which would otherwise clear it.
      drafts.write(answers);
      await drafts.settle();
      setError(messageOf(err));
    } finally {
      setSaving(false);
    }
  };

  // Ctrl+Enter (⌘+Enter) saves from anywhere in the page, whatever has focus: caught before the
  // focused control sees it, so a focused button ("Not a therapy session") is never activated.
  const latestSubmit = useRef(submit);
  latestSubmit.current = submit;
  const formShown = !(saved && onClose) && answers !== null;
  useEffect(() => {
    if (!formShown) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      event.stopPropagation();
      void latestSubmit.current();
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [formShown]);

  // The form that held focus is gone after saving; keep keyboard users on the next step.
  useEffect(() => {
    if (saved && onClose) {
      closeButton.current?.focus();
      closeButton.current?.scrollIntoView({ block: 'nearest' });
    }
  }, [saved, onClose]);

  const done = saved && onClose;
  return (
    <div class="check-in-screen">
      <div class="check-in-top">
        <SessionHeader session={session} />
        {!done && <p class="hint optional-line">{t('checkInFlow.optional')}</p>}
        {!done && actions && <div class="check-in-ways-out">{actions}</div>}
      </div>
      <div role="status" class="status-line">
        {saved && t('checkIn.saved')}
      </div>
      {done ? (
        <button type="button" class="primary" ref={closeButton} onClick={onClose}>
          {t('common.close')}
        </button>
      ) : draftLocked ? (
        <UnlockForm onUnlock={tryUnlock} text={t('lock.draftLocked')} />
      ) : answers ? (
        <>
          {props.before}
          <CheckInForm
            answers={answers}
            goals={goals}
            tagsText={tagsText}
            saving={saving}
            error={error}
            detailsOpen={props.detailsOpen || draftHadDetails}
            onDetailsToggle={props.onDetailsToggle}
            onChange={change}
            onTagsTextChange={(text) => {
              setTagsText(text);
              change({ ...answers, tags: parseTags(text) });
            }}
            onSubmit={() => void submit()}
          />
        </>
      ) : (
        <p aria-busy="true">{t('common.loading')}</p>
      )}
    </div>
  );
}

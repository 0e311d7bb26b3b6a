import type { Ref } from 'preact';
import { t } from '@/utils/i18n';

export interface FileSecretFormProps {
  /** Id of the sentence that says what the secret is for. */
  describedBy: string;
  about: string;
  label: string;
  submit: string;
  value: string;
  invalid: boolean;
  busy: boolean;
  inputRef: Ref<HTMLInputElement>;
  onInput(value: string): void;
  onSubmit(): void;
  onCancel(): void;
}

/** Asks for the secret a chosen file needs (its encryption passphrase, or the passphrase it was locked with); Enter submits. */
export function FileSecretForm({ describedBy, about, label, submit, value, invalid, busy, inputRef, onInput, onSubmit, onCancel }: FileSecretFormProps) {
  return (
    <form
      class="sync-passphrase"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <p id={describedBy}>{about}</p>
      <label class="field">
        <span>{label}</span>
        <input
          ref={inputRef}
          type="password"
          autocomplete="off"
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onInput={(e) => onInput(e.currentTarget.value)}
        />
      </label>
      <div class="form-actions">
        <button type="submit" class="primary" aria-disabled={busy || undefined}>
          {submit}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

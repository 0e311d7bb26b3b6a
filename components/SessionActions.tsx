export interface SessionActionsProps {
  platformName: string;
  /** Set once the person said this was not a therapy session. */
  dismissed: boolean;
  /** Set once the person chose to stop asking on this platform. */
  stoppedAsking: boolean;
  onRemindLater(): void;
  onDismiss(): void;
  onStopAsking(): void;
}

/** The check-in's ways out other than saving: later, not therapy, and stop asking on a site. */
export function SessionActions(props: SessionActionsProps) {
  if (props.dismissed) {
    return (
      <div class="session-actions" role="group" aria-label="Not a therapy session">
        <p>Got it, Debrief will not ask about this call.</p>
        {props.stoppedAsking ? (
          <p>Debrief will no longer ask after calls on {props.platformName}. You can turn it back on in Settings.</p>
        ) : (
          <button type="button" onClick={props.onStopAsking}>
            Stop asking on {props.platformName}
          </button>
        )}
      </div>
    );
  }
  return (
    <>
      <button type="button" onClick={props.onRemindLater}>
        Remind me later
      </button>
      <button type="button" class="link-button" onClick={props.onDismiss}>
        Not a therapy session
      </button>
    </>
  );
}

/** An error read out at once (`role="alert"`); nothing at all while there is none. */
export function ErrorAlert({ message, id, class: extra }: { message: string | null | undefined | false; id?: string; class?: string }) {
  if (!message) return null;
  return (
    <p id={id} class={extra ? `error ${extra}` : 'error'} role="alert">
      {message}
    </p>
  );
}

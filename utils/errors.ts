/** What went wrong, in the words the error carries: shown to the person beside what failed. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

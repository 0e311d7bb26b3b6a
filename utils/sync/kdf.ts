/** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA-256; apart so the lock's keys need nothing else of sync. */
export const PBKDF2_ITERATIONS = 600_000;

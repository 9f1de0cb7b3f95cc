// Why a file failed, sorted once: transient failures may pass on their own (the share was unreadable for a
// moment, the machine was loaded, a worker ran out of memory beside a heavy file) and are retried by the next
// runs; permanent ones are in the file itself and wait for it to change (or --retry-failed).

/** Reasons a later run retries by itself. `crash` is accepted as a spelling of `crashed`. */
export const TRANSIENT_REASONS = ['unreadable', 'timeout', 'memory', 'crashed', 'crash'] as const;

/**
 * Reasons in the file itself (see ExtractionError.reason): corrupt, truncated, empty, encrypted, no_text_layer,
 * wrong_type, too_large, unsupported. Anything not transient is treated as permanent.
 */
export const PERMANENT_REASONS = ['corrupt', 'truncated', 'empty', 'encrypted', 'no_text_layer', 'wrong_type', 'too_large', 'unsupported'] as const;

/** How many runs after the first failure retry a transient one before it is reported as persistent. */
export const MAX_RETRIES = 3;

export function isTransient(reason: string): boolean {
  return (TRANSIENT_REASONS as readonly string[]).includes(reason);
}

/** What one run of a verifier under test did, as the process runner saw it. */
export interface VerifierRun {
  /** The exit status, or null when a signal ended the process (or it never started). */
  readonly exitCode: number | null;
  readonly signal: string | null;
  /** Set when the run outlived its time limit (in seconds) and was killed. */
  readonly timedOutAfter?: number;
  /** Set when the command could not be started at all (`ENOENT`, `EACCES` …). */
  readonly startError?: string;
  readonly stdout: string;
  readonly stderr: string;
}

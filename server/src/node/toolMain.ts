/**
 * What the command-line tools (`strategy-check`, `strategy-import`,
 * `strategy-report`) share as processes: where they write, and how a run ends.
 */

/** Where a tool writes: its standard output and standard error (replaced in tests). */
export interface ToolOutput {
  out: (s: string) => void;
  err: (s: string) => void;
}

/**
 * Runs a tool as the process's work: its status becomes the exit code, and an
 * exception it did not expect is reported with its stack as an internal error,
 * exit status 2, instead of ending the process with an unhandled rejection.
 */
export function runAsProcess(name: string, run: (io: ToolOutput) => Promise<number> | number): void {
  const io: ToolOutput = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };
  Promise.resolve()
    .then(() => run(io))
    .then(
      (status) => {
        process.exitCode = status;
      },
      (e: unknown) => {
        process.stderr.write(`${name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        process.exitCode = 2;
      },
    );
}

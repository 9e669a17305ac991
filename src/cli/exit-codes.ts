/** Exit codes of every `talentflow` command (documented in the README and in `--help`). */
export const EXIT = {
  /** Success (problems may have been reported and skipped without --strict). */
  ok: 0,
  /** --strict and at least one problem was found; outputs are still written for inspection. */
  problems: 1,
  /** Bad command line: unknown command or option, or an option value out of range. */
  usage: 2,
  /** The input cannot be read at all (missing file, unknown format, required column missing). */
  input: 3,
  /** The output folder cannot be written (a file in its place, no permission, not a result folder). */
  output: 73,
  /** Interrupted by SIGINT (Ctrl-C); SIGTERM gives 143. Temporary files are removed first. */
  interrupted: 130,
  /** Unexpected internal failure (a bug: please report it with the command line). */
  internal: 70,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0   success (skipped rows are listed in problems.csv)
  1   --strict and at least one problem was found
  2   bad command line (unknown option, value out of range)
  3   input cannot be read (missing file, unknown format, not UTF-8 text, missing required
      column, no data rows)
  70  internal error (a bug)
  73  the output folder cannot be written
  130 interrupted (143 on SIGTERM); the output folder is left as it was`;

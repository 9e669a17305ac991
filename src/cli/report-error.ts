/** The one mapping from an error to a message on stderr and an exit code, for every command. */
import { TalentFlowError, OptionError, InputError, OutputError } from '../errors.ts';
import { EXIT } from './exit-codes.ts';

/** Maps an error to a message on stderr and an exit code. */
export function reportError(error: unknown): number {
  if (error instanceof OptionError) {
    process.stderr.write(`talentflow: ${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof OutputError) {
    process.stderr.write(`talentflow: ${error.message}\n`);
    return EXIT.output;
  }
  if (error instanceof InputError) {
    process.stderr.write(`talentflow: ${error.message}\n`);
    return EXIT.input;
  }
  if (error instanceof TalentFlowError) {
    process.stderr.write(`talentflow: ${error.name}: ${error.message}\n`);
    return EXIT.input;
  }
  // A bug, not a user's mistake: one line, no stack trace (TALENTFLOW_DEBUG=1 shows it).
  const message = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  const stack = process.env.TALENTFLOW_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
  process.stderr.write(`talentflow: internal error (a bug; please report it with the command line): ${message}${stack}\n`);
  return EXIT.internal;
}

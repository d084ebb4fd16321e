/**
 * How commands end with a status other than 0: throw an InputError (exit 2, one line per problem) or a
 * CliError with its own status and one-line message. Anything else is an internal failure (exit 1).
 */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

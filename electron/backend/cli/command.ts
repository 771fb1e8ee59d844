/** What a `kam` command is (commands.ts holds the table of them) and what it prints. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
export type Values = Record<string, string | boolean | string[] | undefined>;

export interface CommandOutput {
  /** Printed with --json. */
  json: unknown;
  /** Printed otherwise. */
  text: string;
  /** The process's exit code when the command ran but its answer is "no" (kam audit verify: 3). */
  exitCode?: number;
}

export interface CommandIo {
  /** The whole standard input, for commands that read JSON from it. */
  stdin(): Promise<string>;
  /** Arguments after the command words, for commands that take them (files, a batch number). */
  positionals?: string[];
}

export interface Command {
  /** Words after `kam`, e.g. `customers list`. */
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  /** Takes free arguments (files, a number); otherwise any is an error. */
  positionals?: boolean;
  run(values: Values, db: string, io: CommandIo): Promise<CommandOutput>;
}

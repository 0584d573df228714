/** What a CLI command returns: the adapter prints it and exits with the code. */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr?: string;
}

export type Command = (argv: readonly string[]) => CommandResult | Promise<CommandResult>;

/** What a command may touch besides files: output streams, the clock, the environment. */
export interface CommandContext {
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  version: string;
}

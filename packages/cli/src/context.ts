/** What a command may touch besides files: output streams, the clock, the environment. */
export interface CommandContext {
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** Reads all of standard input (for the path `-`). */
  readStdin(): Promise<Uint8Array>;
  /** An absolute URI of a document of the project's docs/ folder (see docs-location.ts). */
  docUri(name: string): string;
  version: string;
}

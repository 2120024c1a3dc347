import { readProjectSettings, type Diagnostic, type ProjectSettings } from '@meshgw/engine';

/**
 * The project file the store applies: its key and disk text, read from the text an editor has
 * open when there is one (so edits apply as typed), parsed once per text.
 */
export interface ProjectState {
  key: string | null;
  set(key: string | null, diskText: string | null): void;
  /** What the file sets and its problems, or null when there is no project file. */
  read(openText: (key: string) => string | undefined): { settings: ProjectSettings; problems: Diagnostic[] } | null;
}

export function createProjectState(): ProjectState {
  let disk: string | null = null;
  let last: { text: string; settings: ProjectSettings; problems: Diagnostic[] } | null = null;
  const state: ProjectState = {
    key: null,
    set(key, diskText) {
      state.key = key;
      disk = diskText;
    },
    read(openText) {
      if (state.key === null) return null;
      const text = openText(state.key) ?? disk;
      if (text === null) return null;
      if (last?.text !== text) last = { text, ...readProjectSettings(state.key, text) };
      return last;
    },
  };
  return state;
}

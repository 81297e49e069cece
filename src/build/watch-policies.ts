import { readFileSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

export interface PolicyWatcher {
  close(): void;
}

/**
 * Calls `onChange` with a policy file whose content changed. Watches each
 * policy's folder rather than the file (editors save by replacing the file,
 * which ends a watch on the file itself); events are debounced per file and
 * dropped when the content is what it was (fs.watch reports one save as
 * several events, or a touch as a change).
 */
export function watchPolicies(files: readonly string[], onChange: (file: string) => void, debounceMs = 80): PolicyWatcher {
  const read = (file: string): string | undefined => {
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined; // mid-replace, or deleted: the next event brings the new content
    }
  };
  const contents = new Map(files.map((f) => [f, read(f)]));
  const byFolder = new Map<string, Set<string>>();
  for (const file of files) {
    const folder = path.dirname(file);
    if (!byFolder.has(folder)) byFolder.set(folder, new Set());
    byFolder.get(folder)!.add(path.basename(file));
  }
  const timers = new Map<string, NodeJS.Timeout>();
  const settle = (file: string): void => {
    clearTimeout(timers.get(file));
    timers.set(file, setTimeout(() => {
      timers.delete(file);
      const now = read(file);
      if (now === undefined || now === contents.get(file)) return;
      contents.set(file, now);
      onChange(file);
    }, debounceMs));
  };
  const watchers: FSWatcher[] = [...byFolder].map(([folder, names]) => watch(folder, (_event, name) => {
    // Without a name (some platforms), any policy in the folder may have changed.
    for (const n of name ? [name.toString()] : names) if (names.has(n)) settle(path.join(folder, n));
  }));
  return {
    close() {
      for (const w of watchers) w.close();
      for (const t of timers.values()) clearTimeout(t);
    },
  };
}

/** Runs tasks one after another, in the order given: rebuilds never overlap. */
export function serialQueue(): (task: () => Promise<void>) => Promise<void> {
  let tail = Promise.resolve();
  return (task) => (tail = tail.then(task, task));
}

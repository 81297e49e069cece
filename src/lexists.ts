import { lstatSync } from 'node:fs';

/** Whether anything is at `file`, a dangling symbolic link included (existsSync follows links). */
export function lexists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

/**
 * One output file: its path, relative to the folder it is written into (a
 * renderer's folder, or the output folder: 'ipractice/nl/privacy.html'), and
 * its contents. Every renderer, compilePolicy, the worker pool, the writer and
 * the preview server pass files in this one shape.
 */
export interface OutputFile {
  path: string;
  contents: string | Uint8Array;
}

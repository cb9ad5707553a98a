/**
 * npm run extract -- <files or folders...>
 * Prints one JSON array to stdout: an object per report, validated by the Extraction schema
 * (src/schemas/extraction.ts). A file that cannot be read is reported on stderr with its reason;
 * the others are still printed, and the exit code is then 1.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isProblem, processFile, type Problem } from '../src/pipeline/index.ts';
import { Extraction } from '../src/schemas/extraction.ts';

const args = process.argv.slice(2);
if (!args.length) {
  console.error('usage: npm run extract -- <files or folders...>');
  process.exit(2);
}

const problems: Problem[] = [];
const out: Extraction[] = [];
for (const path of expand(args)) {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    problems.push({ file: path, reason: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    continue;
  }
  const result = processFile({ file: basename(path), bytes });
  if (isProblem(result)) problems.push({ file: path, reason: result.reason });
  else out.push(Extraction.parse(result.extraction));
}

process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
for (const p of problems) console.error(`error: ${p.file}: ${p.reason}`);
if (problems.length) process.exitCode = 1;

/** Files as given, and the regular non-hidden files of folders (not recursive), sorted. */
function expand(paths: string[]): string[] {
  return paths.flatMap((p) => {
    try {
      if (!statSync(p).isDirectory()) return [p];
    } catch {
      return [p]; // reported when read
    }
    return readdirSync(p)
      .filter((f) => !f.startsWith('.'))
      .sort()
      .map((f) => join(p, f))
      .filter((f) => statSync(f).isFile());
  });
}

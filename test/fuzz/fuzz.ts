/**
 * The mutation fuzzer's command line:
 *
 *   node out/test/fuzz/fuzz.js --seed 1 --mutants 2000
 *
 * prints one line (`fuzz seed=1 mutants=2000 calls=… failures=0 …`) and exits
 * 0, or prints each failure with its mutant to stderr, writes the mutated
 * files to `test-artifacts/fuzz/`, and exits 1. Without `--seed` a random
 * seed is drawn (and printed); the same seed and count reproduce a run.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FuzzOptions, runFuzz, summaryLine } from './harness';

const USAGE = `Usage: node out/test/fuzz/fuzz.js [--seed N] [--mutants M] [--bound MS] [--positions P]
       [--fresh-every N] [--max-failures K] [--examples DIR] [--verbose]`;

/** The package root: the folder above `out/` that holds `examples/`. */
function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 6 && !fs.existsSync(path.join(dir, 'examples')); i++) {
    dir = path.dirname(dir);
  }
  return dir;
}

function parseArgs(argv: string[]): FuzzOptions & { verbose: boolean } {
  const opts: FuzzOptions & { verbose: boolean } = {
    verbose: false,
    // A new seed each run explores new mutants; the summary line prints it, and --seed repeats a run.
    seed: Math.floor(Math.random() * 2 ** 31),
    mutants: 1000,
    boundMs: 2000,
    positions: 6,
    freshEvery: 100,
    maxFailures: 10,
    examplesDir: path.join(packageRoot(), 'examples'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) {
        throw new Error(`${flag} needs a value`);
      }
      return v;
    };
    const int = (): number => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) {
        throw new Error(`${flag} needs a non-negative integer`);
      }
      return n;
    };
    switch (flag) {
      case '--seed':
        opts.seed = int();
        break;
      case '--mutants':
        opts.mutants = int();
        break;
      case '--bound':
        opts.boundMs = int();
        break;
      case '--positions':
        opts.positions = int();
        break;
      case '--fresh-every':
        opts.freshEvery = int();
        break;
      case '--max-failures':
        opts.maxFailures = Math.max(1, int());
        break;
      case '--examples':
        opts.examplesDir = path.resolve(value());
        break;
      case '--verbose':
        opts.verbose = true;
        break;
      case '-h':
      case '--help':
        process.stdout.write(USAGE + '\n');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return opts;
}

function main(): void {
  let opts: FuzzOptions & { verbose: boolean };
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`fuzz: ${(e as Error).message}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const result = runFuzz(opts);
  if (result.failures.length > 0) {
    const dir = path.join(packageRoot(), 'test-artifacts', 'fuzz');
    fs.mkdirSync(dir, { recursive: true });
    for (const f of result.failures) {
      const file = path.join(dir, `seed${result.seed}-mutant${f.mutant}-${path.basename(f.uri)}`);
      fs.writeFileSync(file, f.text);
      process.stderr.write(`mutant ${f.mutant} of ${f.uri} (${f.mutators.join(', ')}): ${f.kind} in ${f.feature}\n  ${f.detail.split('\n').join('\n  ')}\n  text: ${file}\n`);
    }
  }
  if (opts.verbose) {
    process.stderr.write(`driven: ${result.features.join(', ')}\n`);
    process.stderr.write(`not driven: ${result.skipped.join('; ')}\n`);
  }
  process.stdout.write(summaryLine(result) + '\n');
  process.exitCode = result.failures.length > 0 ? 1 : 0;
}

main();

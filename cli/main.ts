/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  process.stderr.write(`not yet wired: ${argv.join(' ')}\n`);
  return 1;
}

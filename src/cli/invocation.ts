import type { Command } from 'commander';

/**
 * The command being run, as hints should name it. A hint such as "pass the file" must name the
 * command the user typed (`devolve plan path/to/devolve.yaml`), not some other command; the
 * helpers that give such hints are shared by many commands and are told nothing else, so the
 * command line's entry point records the command here once it is parsed. One process runs one
 * command, so one record suffices.
 */
let running: Command | undefined;

export function recordInvocation(command: Command): void {
  running = command;
}

/** `devolve plan`, `devolve keys new` …: the command being run, or plain `devolve` before parsing. */
export function commandName(): string {
  const names: string[] = [];
  for (
    let command = running;
    command !== undefined && command !== null;
    command = command.parent ?? undefined
  )
    names.unshift(command.name());
  return names.length === 0 ? 'devolve' : names.join(' ');
}

/**
 * The command line that names a charter explicitly: `devolve explain <unit> path/to/devolve.yaml`.
 * Arguments before the charter keep their placeholder.
 */
export function commandWithCharter(): string {
  const args = (running?.registeredArguments ?? []).map((argument) =>
    argument.name() === 'file' ? 'path/to/devolve.yaml' : `<${argument.name()}>`,
  );
  if (!args.includes('path/to/devolve.yaml')) args.push('path/to/devolve.yaml');
  return [commandName(), ...args].join(' ');
}

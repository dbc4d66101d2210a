import { allCommands, type CompletionCommand, type CompletionModel } from './model.js';

export const words = (list: readonly string[]) => list.join(' ');
/** Single-quoted for bash, zsh and fish alike (fish reads `'\''` the same way). */
export const quote = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;
/** Every command the scripts know, the program (path '') first. */
export const commandsOf = (m: CompletionModel) => [m.program, ...allCommands(m)];
export const pathOf = (c: CompletionCommand) => c.path.join(' ');

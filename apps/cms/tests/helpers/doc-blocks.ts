import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';

/** A fenced code block of a Markdown document. */
export interface CodeBlock {
  /** The fence's language (`sh`, `ts`, `json`…), empty when none. */
  lang: string;
  code: string;
  /** 1-based line of the opening fence, for the messages. */
  line: number;
  /** The heading the block sits under. */
  heading: string;
  /** The block that follows this one with nothing but blank lines between: its answer, when this is a request. */
  next?: CodeBlock;
}

/** Every fenced code block of a Markdown file, with its heading and the block right after it. */
export function codeBlocks(file: string): CodeBlock[] {
  const tokens = new MarkdownIt().parse(readFileSync(file, 'utf8'), {});
  const blocks: CodeBlock[] = [];
  let heading = '';
  let previous: { block: CodeBlock; index: number } | undefined;
  tokens.forEach((token, index) => {
    if (token.type === 'inline' && tokens[index - 1]?.type === 'heading_open') heading = token.content;
    if (token.type !== 'fence') return;
    const block: CodeBlock = { lang: token.info.trim(), code: token.content, line: (token.map?.[0] ?? 0) + 1, heading };
    if (previous && previous.index === index - 1) previous.block.next = block;
    blocks.push(block);
    previous = { block, index };
  });
  return blocks;
}

/** One command of a shell example: its description (the comments above) and its documented output (the comments right below). */
export interface ShellCommand {
  description: string;
  /** The command, continuation lines joined. */
  command: string;
  /** The comment lines right under the command, without `# `: what it prints. Empty when none. */
  output: string;
}

/**
 * The commands of a shell block, as a reader sees them: a comment block
 * above describes the commands under it; comment lines right under a command
 * (no blank line between) show what it prints.
 */
export function shellCommands(code: string): ShellCommand[] {
  const lines = code.replace(/\\\n\s*/g, '').split('\n');
  const commands: ShellCommand[] = [];
  let description: string[] = [];
  let last: { command: ShellCommand; output: string[] } | undefined;
  for (const line of lines) {
    const comment = /^\s*#\s?(.*)$/.exec(line);
    if (line.trim() === '') {
      last = undefined;
    } else if (comment) {
      if (last) last.output.push(comment[1]!);
      else description.push(comment[1]!);
    } else {
      if (last) last.command.output = last.output.join('\n');
      const command = { description: description.join(' '), command: line.trim(), output: '' };
      commands.push(command);
      last = { command, output: [] };
      // The next command keeps the same description until a blank line.
      continue;
    }
    if (line.trim() === '') description = [];
    if (last) last.command.output = last.output.join('\n');
  }
  if (last) last.command.output = last.output.join('\n');
  return commands;
}

import { CopyButton } from './copy-button';

/** A command a person may type, with what it is for. */
export interface Command {
  readonly what: string;
  readonly command: string;
}

/** Commands to copy, one per line, each with its own Copy button. */
export function CommandList({ commands }: { readonly commands: readonly Command[] }) {
  return (
    <ul className="command-list">
      {commands.map((example) => (
        <li key={example.command} className="fix__command">
          <span className="command-list__what">{example.what}</span>
          <code>{example.command}</code>
          <CopyButton text={example.command} label={`Copy the command for ${example.what.toLowerCase()}`} />
        </li>
      ))}
    </ul>
  );
}

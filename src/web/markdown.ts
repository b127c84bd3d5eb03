import { escapeHtml } from '../shared/html';
import { raw, type Html } from './html';

/** `**bold**` and `*italic*` in text already escaped. */
function inline(escaped: string): string {
  return escaped.replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/\*(.+?)\*/g, '<em>$1</em>');
}

/**
 * The small Markdown that badge criteria use (OB 3.0 `criteria.narrative` is Markdown):
 * paragraphs, `- ` lists, bold and italic. Everything is escaped first, so a badge file can
 * only ever produce these few tags.
 */
export function markdown(text: string): Html {
  const blocks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((b) => b.trim())
    .filter(Boolean);
  return raw(
    blocks
      .map((block) => {
        const lines = block.split('\n');
        if (lines.every((l) => /^\s*[-*]\s+/.test(l))) {
          const items = lines.map((l) => `<li>${inline(escapeHtml(l.replace(/^\s*[-*]\s+/, '')))}</li>`);
          return `<ul>${items.join('')}</ul>`;
        }
        return `<p>${inline(escapeHtml(lines.join(' ')))}</p>`;
      })
      .join(''),
  );
}

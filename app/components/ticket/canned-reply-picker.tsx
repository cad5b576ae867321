// Canned replies from the keyboard (issue 16): typing `/` at the start of a word in the reply box opens a list of the
// replies whose shortcut or title matches what follows; arrow keys move, Enter or Tab inserts the filled-in text in
// place of `/word`, Escape closes. The picked reply's id goes with the form so its macro actions run on sending.
import { useCallback, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import type { CannedReplyOption } from '~/lib/shared/views/canned-replies';

interface OpenPicker {
  /** Where the `/` is in the text. */
  start: number;
  query: string;
  active: number;
}

/** The `/word` just before the caret, if the caret ends one. */
function slashTokenBefore(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)\/([a-z0-9-]*)$/i.exec(text.slice(0, caret));
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

function matching(replies: CannedReplyOption[], query: string): CannedReplyOption[] {
  const wanted = query.toLowerCase();
  return replies.filter((reply) => reply.shortcut.startsWith(wanted) || reply.title.toLowerCase().includes(wanted)).slice(0, 8);
}

export function useCannedReplyPicker(replies: CannedReplyOption[]) {
  const listId = useId();
  const textarea = useRef<HTMLTextAreaElement | null>(null);
  const [open, setOpen] = useState<OpenPicker | null>(null);
  const [picked, setPicked] = useState<CannedReplyOption | null>(null);
  const options = open ? matching(replies, open.query) : [];

  function insert(reply: CannedReplyOption) {
    const element = textarea.current;
    if (!element || !open) return;
    const caret = element.selectionStart;
    element.value = element.value.slice(0, open.start) + reply.body + element.value.slice(caret);
    const end = open.start + reply.body.length;
    element.setSelectionRange(end, end);
    element.focus();
    setPicked(reply);
    setOpen(null);
  }

  function onChange(event: ChangeEvent<HTMLTextAreaElement>) {
    textarea.current = event.currentTarget;
    const token = slashTokenBefore(event.currentTarget.value, event.currentTarget.selectionStart);
    setOpen(token && replies.length > 0 ? { ...token, active: 0 } : null);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    textarea.current = event.currentTarget;
    if (!open || options.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setOpen({ ...open, active: (open.active + step + options.length) % options.length });
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      const choice = options[Math.min(open.active, options.length - 1)];
      if (choice) insert(choice);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(null);
    }
  }

  const expanded = open !== null && options.length > 0;
  const activeOption = expanded ? options[Math.min(open.active, options.length - 1)] : undefined;
  const textareaProps = {
    onChange,
    onKeyDown,
    role: 'combobox',
    'aria-autocomplete': 'list' as const,
    'aria-expanded': expanded,
    'aria-controls': listId,
    ...(activeOption ? { 'aria-activedescendant': `${listId}-${activeOption.id}` } : {}),
  };

  const picker = (
    <ul id={listId} role="listbox" className="canned-reply-list" hidden={!expanded} aria-label="Canned replies" data-testid="canned-reply-list">
      {options.map((reply, index) => (
        <li
          key={reply.id}
          id={`${listId}-${reply.id}`}
          role="option"
          aria-selected={index === open?.active}
          className={index === open?.active ? 'active' : undefined}
          onMouseDown={(event) => {
            event.preventDefault();
            insert(reply);
          }}
        >
          <strong>/{reply.shortcut}</strong> {reply.title}
          {reply.personal ? <span className="muted"> · personal</span> : null}
          {reply.setStatus || reply.addsNote ? <span className="muted"> · macro</span> : null}
        </li>
      ))}
    </ul>
  );

  const pickedInput = picked ? <input type="hidden" name="cannedReplyId" value={picked.id} /> : null;
  const forget = useCallback(() => setPicked(null), []);
  return { textareaProps, picker, pickedInput, picked, forget };
}

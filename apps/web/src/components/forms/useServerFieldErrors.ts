import { useEffect, type RefObject } from 'react';
import { pointerToName } from '@kcbx/form-renderer';
import type { FieldProblem } from './ServerErrors';

/**
 * Puts the server's field errors (400 details, JSON-pointer paths) under the fields the renderer drew
 * (`[data-field="a.0.b"]`), styled like the renderer's own messages. The renderer takes no errors from outside,
 * so these are plain DOM nodes beside its own: each goes away when its field is edited or on the next submit.
 * Returns nothing; problems without a drawn field stay in the list above the form only.
 */
export function useServerFieldErrors(box: RefObject<HTMLElement | null>, problems: FieldProblem[]): void {
  useEffect(() => {
    const root = box.current;
    if (!root || problems.length === 0) return;
    const added: { node: HTMLElement; frame: Element; clear: () => void }[] = [];
    for (const p of problems) {
      if (!p.field) continue;
      const name = p.field.startsWith('/') ? pointerToName(p.field) : p.field;
      const frame = root.querySelector(`[data-field="${CSS.escape(name)}"]`);
      if (!frame) continue;
      const node = document.createElement('div');
      node.className = 'kcbx-field-message kcbx-server-message';
      node.setAttribute('role', 'alert');
      node.style.color = '#ff4d4f';
      node.style.fontSize = '12px';
      node.textContent = p.message;
      frame.appendChild(node);
      const clear = () => node.remove();
      frame.addEventListener('input', clear, { once: true });
      frame.addEventListener('change', clear, { once: true });
      added.push({ node, frame, clear });
    }
    return () =>
      added.forEach(({ node, frame, clear }) => {
        frame.removeEventListener('input', clear);
        frame.removeEventListener('change', clear);
        node.remove();
      });
  }, [box, problems]);
}

/**
 * What stands in for a widget not mounted yet (see useNearViewport): the same size and frame as an antd
 * input, showing the value as text; focusing it (Tab from the field above) mounts the real widget.
 */
export function DeferredWidget({ name, holder, text, onFocus }: { name: string; holder: (el: Element | null) => void; text: string; onFocus: () => void }) {
  return (
    <div
      ref={holder}
      className="kcbx-deferred"
      data-deferred={name}
      tabIndex={0}
      onFocus={onFocus}
      style={{ minHeight: 32, padding: '4px 11px', border: '1px solid #d9d9d9', borderRadius: 6, lineHeight: '22px', overflow: 'hidden', whiteSpace: 'nowrap' }}
    >
      {text}
    </div>
  );
}

/**
 * What stands in for a widget not mounted yet (see useNearWidget): the same size and frame as an antd
 * input, showing the value as text; focusing it (Tab from the field above) mounts the real widget.
 */
export function DeferredWidget({ name, text, onFocus }: { name: string; text: string; onFocus: () => void }) {
  return (
    <div className="kcbx-deferred" data-deferred={name} tabIndex={0} onFocus={onFocus}>
      {text}
    </div>
  );
}

import { useEffect } from 'react';

/** Closing or reloading the tab with unsaved edits asks first (the browser words the question). */
export function useUnsavedPrompt(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
}

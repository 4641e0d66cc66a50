import { useEffect, useState } from 'react';
import { KEY_PATTERN } from './newDiagram';
import type { BpmnModelerHandle } from './useBpmnModeler';

export type ProcessIdentity = ReturnType<typeof useProcessIdentity>;

/** The name and key inputs: typed freely, written to the model on blur or Enter (a key only when valid). */
export function useProcessIdentity(m: BpmnModelerHandle) {
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  // The inputs follow the model (undo, edits in the properties panel).
  useEffect(() => setName(m.info.name), [m.info.name]);
  useEffect(() => setKey(m.info.key), [m.info.key]);

  const keyValid = KEY_PATTERN.test(key);
  const applyName = () => name !== m.info.name && m.updateProcess({ name });
  const applyKey = () => keyValid && key !== m.info.key && m.updateProcess({ id: key });
  return { name, setName, key, setKey, keyValid, applyName, applyKey };
}

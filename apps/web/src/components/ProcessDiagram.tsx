import { useEffect, useRef, useState } from 'react';
import { Alert } from 'antd';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import './process-diagram.css';
import { withDiagramLayout } from './withDiagramLayout';

export interface ProcessDiagramProps {
  /** BPMN XML of the instance's definition (GET /api/process-definitions/{id}/xml). */
  xml: string;
  /** Elements where the instance waits now (highlighted strongly). */
  activeIds?: string[];
  /** Elements the instance has already passed (greyed green). */
  completedIds?: string[];
  /** Elements that raised an incident. */
  incidentIds?: string[];
  height?: number;
  /** Shown when the XML cannot be drawn. */
  errorText: string;
}

/**
 * A read-only procedure diagram (bpmn-js NavigatedViewer: pan and zoom, no editing) with the current steps
 * marked, so a clerk sees where the case stands. Shared by the task page and the monitoring page.
 */
export function ProcessDiagram({ xml, activeIds = [], completedIds = [], incidentIds = [], height = 320, errorText }: ProcessDiagramProps) {
  const container = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  // Markers are applied after import; a string key keeps the effect from re-running on equal arrays.
  const markerKey = JSON.stringify([activeIds, completedIds, incidentIds]);

  useEffect(() => {
    if (!container.current) return;
    const viewer = new NavigatedViewer({ container: container.current });
    let alive = true;
    setFailed(false);
    withDiagramLayout(xml)
      .then((drawable) => viewer.importXML(drawable))
      .then(() => {
        if (!alive) return;
        const canvas = viewer.get<{ zoom(v: string): void; addMarker(id: string, cls: string): void }>('canvas');
        const registry = viewer.get<{ get(id: string): unknown }>('elementRegistry');
        const [active, completed, incidents] = JSON.parse(markerKey) as [string[], string[], string[]];
        const mark = (ids: string[], cls: string) => ids.filter((id) => registry.get(id)).forEach((id) => canvas.addMarker(id, cls));
        mark(
          completed.filter((id) => !active.includes(id)),
          'kcbx-completed',
        );
        mark(active, 'kcbx-active');
        mark(incidents, 'kcbx-incident');
        canvas.zoom('fit-viewport');
      })
      .catch(() => alive && setFailed(true));
    return () => {
      alive = false;
      viewer.destroy();
    };
  }, [xml, markerKey]);

  return (
    <>
      {failed && <Alert type="warning" showIcon message={errorText} />}
      <div ref={container} className="kcbx-diagram" style={{ height }} data-testid="process-diagram" />
    </>
  );
}

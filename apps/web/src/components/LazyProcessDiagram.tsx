import { lazy, Suspense } from 'react';
import { Skeleton } from 'antd';
import type { ProcessDiagramProps } from './ProcessDiagram';

// bpmn-js is the largest library a clerk's page uses: the form and the step's facts draw first, the diagram when
// its code has arrived (a township phone on a slow line waits for the form, not for the drawing).
const ProcessDiagram = lazy(() => import('./ProcessDiagram').then((m) => ({ default: m.ProcessDiagram })));

/** ProcessDiagram with its code loaded on first use. */
export function LazyProcessDiagram(props: ProcessDiagramProps) {
  return (
    <Suspense fallback={<Skeleton active />}>
      <ProcessDiagram {...props} />
    </Suspense>
  );
}

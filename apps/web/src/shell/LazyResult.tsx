import { lazy, Suspense, type ComponentProps } from 'react';
import { Spin } from 'antd';

// antd's Result carries large illustrations (about 10 KB gzipped) that a page needs only when it fails: its code
// comes when one is shown, not with every page that might show one (issue #19).
const AntResult = lazy(() => import('antd/es/result'));

/** antd's Result (403, 404, warnings), loaded when shown. */
export function Result(props: ComponentProps<typeof AntResult>) {
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '80px auto' }} />}>
      <AntResult {...props} />
    </Suspense>
  );
}

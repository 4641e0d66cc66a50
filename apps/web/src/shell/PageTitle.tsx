import type { ReactNode } from 'react';
import { Typography } from 'antd';

/** Page heading with a fixed margin (antd adds a top margin to titles that follow other blocks). */
export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={4} style={{ margin: '0 0 12px' }}>
      {children}
    </Typography.Title>
  );
}

import type { ReactNode } from 'react';
import { theme } from 'antd';

/**
 * Page heading: antd's level-4 Title as it looks, drawn from the theme's tokens without Typography's code and
 * style generation (it is the first thing a page draws, and on a slow phone its LCP; issue #19), with a fixed
 * margin (antd adds a top margin to titles that follow other blocks).
 */
export function PageTitle({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <h4
      style={{
        margin: '0 0 12px',
        color: token.colorTextHeading,
        fontWeight: token.fontWeightStrong,
        fontSize: token.fontSizeHeading4,
        lineHeight: token.lineHeightHeading4,
        wordBreak: 'break-word',
      }}
    >
      {children}
    </h4>
  );
}

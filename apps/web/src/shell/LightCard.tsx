import type { CSSProperties, HTMLAttributes, ReactNode } from 'react';
import { theme } from 'antd';

/**
 * antd's bordered Card, Title (level 3) and secondary Paragraph as they look, drawn from the theme's tokens
 * without their code: antd's Card brings Tabs, Menu, Dropdown and Skeleton along and Typography its copy and
 * edit tooling — about 30 KB gzipped that the login page, the first screen on a phone, never uses.
 */
export function LightCard({ style, children, ...rest }: HTMLAttributes<HTMLDivElement> & { 'data-testid'?: string }) {
  const { token } = theme.useToken();
  return (
    <div
      {...rest}
      style={{
        boxSizing: 'border-box',
        position: 'relative',
        margin: 0,
        padding: token.paddingLG,
        color: token.colorText,
        fontSize: token.fontSize,
        lineHeight: token.lineHeight,
        fontFamily: token.fontFamily,
        background: token.colorBgContainer,
        border: `${token.lineWidth}px ${token.lineType} ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadiusLG,
        ...style,
      }}
    >
      {children}
    </div>
  );
}

export function LightTitle({ style, children }: { style?: CSSProperties; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <h3
      style={{
        marginBottom: '0.5em',
        color: token.colorTextHeading,
        fontWeight: token.fontWeightStrong,
        fontSize: token.fontSizeHeading3,
        lineHeight: token.lineHeightHeading3,
        wordBreak: 'break-word',
        ...style,
      }}
    >
      {children}
    </h3>
  );
}

export function LightSecondaryText({ style, children }: { style?: CSSProperties; children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div
      style={{ marginBottom: '1em', color: token.colorTextDescription, lineHeight: token.lineHeight, wordBreak: 'break-word', ...style }}
    >
      {children}
    </div>
  );
}

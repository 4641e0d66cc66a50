import type { ThemeConfig } from 'antd';

// Users who ask their system for less motion get none (also what the browser tests ask for).
const prefersReducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1d5fa8',
    colorLink: '#1d5fa8',
    // WCAG AA (4.5:1) for small text on white and on #f5f5f5: antd's greys (45 %) and red (#ff4d4f) fall short.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    colorError: '#cf1322',
    colorWarning: '#ad6800',
    colorSuccess: '#237804',
    motion: !prefersReducedMotion,
  },
};

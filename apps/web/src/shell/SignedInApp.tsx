import { App as AntApp } from 'antd';
import { AppShell } from './AppShell';

/**
 * The frame of every signed-in page, inside antd's App: message, notification and modal for the pages. The
 * login page does without them, so they load with this (lazyPages.ts), not with the first screen.
 */
export default function SignedInApp() {
  return (
    <AntApp>
      <AppShell />
    </AntApp>
  );
}

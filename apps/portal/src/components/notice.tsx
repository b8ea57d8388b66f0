import type { ComponentChildren } from 'preact';

/**
 * A message the page shows after something happened: errors as alerts (read out at once), everything
 * else as a polite status.
 */
export function Notice({
  kind,
  children,
}: {
  kind: 'error' | 'info' | 'success';
  children: ComponentChildren;
}) {
  return (
    <div class={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

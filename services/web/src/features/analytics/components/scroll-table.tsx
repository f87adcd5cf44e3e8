import { Table } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A table that scrolls sideways on a phone. The scrolling box takes keyboard focus and is a named
 * region, so keyboard users can scroll it too (native scrolling: the box itself scrolls).
 */
export function ScrollTable({
  label,
  minWidth,
  children,
}: {
  label: string;
  minWidth: CSSProperties['minWidth'];
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer type="native" minWidth={minWidth} tabIndex={0} role="region" aria-label={label}>
      {children}
    </Table.ScrollContainer>
  );
}

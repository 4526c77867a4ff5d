import { useCallback, useEffect, useRef, useState } from 'react';

/** Which ways a horizontally scrolling box can still scroll. */
export interface ScrollEdges {
  /** Content hidden before the start edge (scrolled away from the start). */
  start: boolean;
  /** Content hidden past the end edge. */
  end: boolean;
}

const none: ScrollEdges = { start: false, end: false };

/**
 * Tracks whether the element in `ref` has content hidden on either side, so a table that scrolls
 * inside its own box can show that it does (a fade, a hint). Measured after mount and on scroll
 * and resize; `{ start: false, end: false }` on the server and before the first measurement.
 * Right-to-left boxes scroll to negative offsets, hence the absolute value.
 */
export function useScrollEdges<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [edges, setEdges] = useState<ScrollEdges>(none);
  const measure = useCallback(() => {
    const box = ref.current;
    if (!box) return;
    const scrolled = Math.abs(box.scrollLeft);
    const hidden = box.scrollWidth - box.clientWidth;
    // One pixel of slack: zoomed layouts report fractional widths.
    const next = { start: scrolled > 1, end: hidden - scrolled > 1 };
    setEdges((current) => (current.start === next.start && current.end === next.end ? current : next));
  }, []);

  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    measure();
    box.addEventListener('scroll', measure, { passive: true });
    // The table grows with "Load more" and the box with the page: watch both sizes.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(box);
    if (box.firstElementChild) observer?.observe(box.firstElementChild);
    if (!observer) window.addEventListener('resize', measure);
    return () => {
      box.removeEventListener('scroll', measure);
      observer?.disconnect();
      if (!observer) window.removeEventListener('resize', measure);
    };
  }, [measure]);

  return { ref, edges };
}

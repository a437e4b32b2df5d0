// Every wide table sits in one of these: on a narrow screen the table scrolls inside it, not the page
// (WCAG 1.4.10 Reflow), and the region is named and reachable by keyboard once it does scroll (axe
// scrollable-region-focusable), so a keyboard user can scroll it with the arrow keys.
import { useLayoutEffect, useRef, type ReactNode } from 'react';

let counter = 0;

/**
 * `label` names the region; without it the region takes the name of the table inside (its caption, or its
 * aria-label / aria-labelledby), so a table names itself once.
 */
export function TableScroll({ label, className, children }: { label?: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const region = ref.current;
    if (!region) return;
    if (!label) {
      const table = region.querySelector('table');
      const caption = table?.querySelector('caption');
      if (caption) {
        caption.id ||= `table-caption-${++counter}`;
        region.setAttribute('aria-labelledby', caption.id);
      } else if (table?.getAttribute('aria-labelledby')) {
        region.setAttribute('aria-labelledby', table.getAttribute('aria-labelledby')!);
      } else if (table?.getAttribute('aria-label')) {
        region.setAttribute('aria-label', table.getAttribute('aria-label')!);
      }
    }
    // Focusable only while there is something to scroll: no extra tab stop on a wide screen.
    const update = () => {
      const scrolls = region.scrollWidth > region.clientWidth + 1;
      if (scrolls) region.setAttribute('tabindex', '0');
      else region.removeAttribute('tabindex');
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(region);
    if (region.firstElementChild) observer.observe(region.firstElementChild);
    return () => observer.disconnect();
  });
  return (
    <div ref={ref} className={className ? `table-scroll ${className}` : 'table-scroll'} role="region" aria-label={label} data-scroll-region>
      {children}
    </div>
  );
}

// The views of the app as tabs under the header; each tab comes back to its view as it was left.
import { useEffect, useRef } from 'react';
import type { StringKey } from '../../i18n/strings.ts';
import { useT } from '../../i18n/useT.ts';
import { VIEWS, answerSearch, openView, type View } from './route.ts';

const TAB_NAMES: Record<View, StringKey> = {
  explore: 'tabExplore', partners: 'tabPartners', gaps: 'tabGaps', adopters: 'tabAdopters', path: 'tabPath', import: 'tabImport',
};

export function Tabs({ view }: { view: View }) {
  const t = useT();
  const bar = useRef<HTMLElement>(null);
  // On a phone the row scrolls: the open view's tab is brought into it (a link may open any view).
  useEffect(() => {
    const tab = bar.current?.querySelector('a.active');
    if (!bar.current || !tab) return;
    const [a, b] = [tab.getBoundingClientRect(), bar.current.getBoundingClientRect()];
    if (a.left < b.left) bar.current.scrollLeft -= b.left - a.left;
    else if (a.right > b.right) bar.current.scrollLeft += a.right - b.right;
  }, [view, t]);
  return (
    <nav className="tabs" aria-label={t('tabsLabel')} ref={bar}>
      {VIEWS.map((v) => (
        <a
          key={v} href={v === 'explore' ? '/' : answerSearch(v)} data-testid={`tab-${v}`}
          className={v === view ? 'active' : undefined} aria-current={v === view ? 'page' : undefined}
          onClick={(e) => {
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return; // new tab or window: follow the link
            e.preventDefault();
            openView(v);
          }}
        >
          {t(TAB_NAMES[v])}
        </a>
      ))}
    </nav>
  );
}

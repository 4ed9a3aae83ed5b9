import { useRef } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';

/**
 * Tabs that are addresses (/worlds/1/characters...): a tablist of links. Click or Enter opens a tab;
 * ←/→ (and Home/End) move to the previous/next tab and open it, as in the WAI-ARIA tabs pattern.
 * tabs: [{ id, to, label, match(pathname) }]. The panel is <TabPanel> with the same idPrefix.
 */
export function RouteTabs({ label, tabs, idPrefix }) {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const refs = useRef([]);
  const current = Math.max(0, tabs.findIndex((tab) => tab.match(pathname)));

  const go = (index) => {
    const target = (index + tabs.length) % tabs.length;
    navigate(tabs[target].to);
    refs.current[target]?.focus();
  };

  const onKeyDown = (event, index) => {
    if (event.key === 'ArrowRight') { event.preventDefault(); go(index + 1); }
    else if (event.key === 'ArrowLeft') { event.preventDefault(); go(index - 1); }
    else if (event.key === 'Home') { event.preventDefault(); go(0); }
    else if (event.key === 'End') { event.preventDefault(); go(tabs.length - 1); }
    else if (event.key === ' ') { event.preventDefault(); navigate(tabs[index].to); }
  };

  return (
    <div role="tablist" aria-label={label} className="tabs tabs-border flex-nowrap overflow-x-auto border-b border-base-300">
      {tabs.map((tab, index) => {
        const selected = index === current;
        return (
          <Link
            key={tab.id}
            ref={(node) => { refs.current[index] = node; }}
            id={`${idPrefix}-tab-${tab.id}`}
            to={tab.to}
            role="tab"
            aria-selected={selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={selected ? 0 : -1}
            className={`tab whitespace-nowrap ${selected ? 'tab-active font-semibold' : ''}`}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </Link>
        );
      })}
    </div>
  );
}

/** The panel of the selected route tab. */
export function TabPanel({ idPrefix, tabs, children, className = '' }) {
  const { pathname } = useLocation();
  const current = tabs.find((tab) => tab.match(pathname)) ?? tabs[0];
  return (
    <div role="tabpanel" id={`${idPrefix}-panel`} aria-labelledby={`${idPrefix}-tab-${current.id}`} className={className}>
      {children}
    </div>
  );
}

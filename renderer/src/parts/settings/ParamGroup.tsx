import type { ReactNode } from 'react';
import './settings.css';

export function ParamGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="param-group" aria-label={title}>
      <h3 className="section-title">{title}</h3>
      {children}
    </section>
  );
}

// The narrative document rendered as React elements: text is always text, links only http(s)/mailto
// (the server refuses others), images uploaded to the report with their alternative text. `changes` marks the blocks that are new or edited since the report this
// one was carried forward from.
import type { ReactNode } from 'react';
import { reportImageUrl, type TRichText } from './api';

type TInline = NonNullable<Extract<TRichText['content'][number], { type: 'paragraph' }>['content']>[number];

function inline(nodes: TInline[] | undefined): ReactNode[] {
  return (nodes ?? []).map((n, i) => {
    if (n.type === 'hardBreak') return <br key={i} />;
    let node: ReactNode = n.text;
    for (const m of n.marks ?? []) {
      if (m.type === 'bold') node = <strong>{node}</strong>;
      if (m.type === 'italic') node = <em>{node}</em>;
    }
    const link = n.marks?.find((m) => m.type === 'link');
    if (link && link.type === 'link') node = <a href={link.attrs.href} rel="noopener noreferrer">{node}</a>;
    return <span key={i}>{node}</span>;
  });
}

export function RichText({ doc, changes, changedLabel }: { doc: TRichText; changes?: ('same' | 'added')[]; changedLabel?: string }) {
  return (
    <div className="rich-text">
      {doc.content.map((block, i) => {
        const changed = changes?.[i] === 'added';
        let element: ReactNode;
        if (block.type === 'paragraph') element = <p>{inline(block.content)}</p>;
        else if (block.type === 'heading') element = <p className={`rich-text__h${block.attrs.level}`}><strong>{inline(block.content)}</strong></p>;
        else if (block.type === 'image') element = <img className="rich-text__image" src={reportImageUrl(block.attrs.src)} alt={block.attrs.alt} loading="lazy" />;
        else {
          const items = block.content.map((item, j) => <li key={j}>{item.content.map((p, k) => <span key={k}>{inline(p.content)}</span>)}</li>);
          element = block.type === 'bulletList' ? <ul>{items}</ul> : <ol>{items}</ol>;
        }
        return changed ? (
          <ins key={i} className="rich-text__changed" title={changedLabel}>
            <span className="sr-only">{changedLabel}: </span>
            {element}
          </ins>
        ) : <div key={i}>{element}</div>;
      })}
    </div>
  );
}

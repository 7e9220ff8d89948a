import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useTranslation } from 'react-i18next';

/** Bold, italic, lists: the few formats a narrative needs. */
export function NarrativeToolbar({ editor, disabled }: { editor: Editor; disabled: boolean }) {
  const { t } = useTranslation();
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bullet: e.isActive('bulletList'),
      ordered: e.isActive('orderedList'),
    }),
  });
  const buttons = [
    { key: 'bold', label: t('roadmap.narrative.bold'), text: 'B', on: active.bold, run: () => editor.chain().focus().toggleBold().run() },
    { key: 'italic', label: t('roadmap.narrative.italic'), text: 'I', on: active.italic, run: () => editor.chain().focus().toggleItalic().run() },
    { key: 'bullet', label: t('roadmap.narrative.bullet'), text: '•', on: active.bullet, run: () => editor.chain().focus().toggleBulletList().run() },
    { key: 'ordered', label: t('roadmap.narrative.ordered'), text: '1.', on: active.ordered, run: () => editor.chain().focus().toggleOrderedList().run() },
  ];
  return (
    <div className="narrative__toolbar" role="toolbar" aria-label={t('roadmap.narrative.toolbar')}>
      {buttons.map((b) => (
        <button
          key={b.key}
          type="button"
          className={`narrative__tool narrative__tool--${b.key}`}
          aria-label={b.label}
          title={b.label}
          aria-pressed={b.on}
          disabled={disabled}
          onMouseDown={(e) => e.preventDefault()}
          onClick={b.run}
        >
          {b.text}
        </button>
      ))}
    </div>
  );
}

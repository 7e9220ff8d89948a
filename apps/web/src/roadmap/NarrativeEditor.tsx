import { NARRATIVE_FIELD } from '@cocrea/collab';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { PresenceUser } from '../collab/presenceState';
import { NarrativeToolbar } from './NarrativeToolbar';

interface Props {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Who is typing: name and colour of this person's caret for the others. */
  user: PresenceUser;
  editable: boolean;
}

/**
 * The roadmap's narrative: a Tiptap editor bound to the document's `narrative` fragment, with
 * everyone's carets. Undo is Yjs' own (per person), so StarterKit's history is off.
 */
export function NarrativeEditor({ doc, provider, user, editable }: Props) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({ undoRedo: false, heading: { levels: [3, 4] } }),
        Collaboration.configure({ document: doc, field: NARRATIVE_FIELD }),
        CollaborationCaret.configure({ provider, user: { ...user } }),
      ],
      editable,
      editorProps: { attributes: { class: 'narrative__content', 'aria-label': t('roadmap.narrative.label'), 'aria-multiline': 'true', role: 'textbox' } },
    },
    // The editor lives as long as the document; `editable` and `user` are applied below.
    [doc, provider],
  );

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable, false);
  }, [editor, editable]);

  useEffect(() => {
    editor.commands.updateUser({ ...user });
  }, [editor, user]);

  return (
    <div className={`narrative${editable ? '' : ' narrative--readonly'}`} data-testid="roadmap-narrative">
      <NarrativeToolbar editor={editor} disabled={!editable} />
      <EditorContent editor={editor} />
    </div>
  );
}

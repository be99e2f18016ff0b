/**
 * An ordered list residents see (home tiles, navigation entries), reordered by dragging (mouse, touch
 * or the keyboard: space to lift, arrows, space to drop) or with the 上移/下移 buttons beside each
 * entry, each named after its entry for screen readers. Only @dnd-kit/core: a lifted entry follows the
 * pointer and lands where it is dropped; no sortable animation library.
 */
import {
  type Announcements,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { Link } from '@tanstack/react-router';
import { Button, Typography } from 'antd';
import { useT } from '../i18n/index.js';
import type { Entry } from './layout.js';
import { serviceHref } from './paths.js';

export interface EntryListProps {
  id: string;
  label: string;
  entries: Entry[];
  village: string;
  busy: boolean;
  onMove(from: number, to: number): void;
}

export function EntryList({ id, label, entries, village, busy, onMove }: EntryListProps) {
  const t = useT();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 8 } }),
    useSensor(KeyboardSensor),
  );
  const titleOf = (key: string | number) => entries.find((e) => e.key === key)?.title ?? '';
  const placeOf = (key: string | number) => entries.findIndex((e) => e.key === key) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => `拿起了“${titleOf(active.id)}”，在第 ${placeOf(active.id)} 位`,
    onDragOver: ({ active, over }) =>
      over ? `“${titleOf(active.id)}”将放到第 ${placeOf(over.id)} 位` : `“${titleOf(active.id)}”不在列表上方`,
    onDragEnd: ({ active, over }) =>
      over ? `“${titleOf(active.id)}”放到了第 ${placeOf(over.id)} 位` : `“${titleOf(active.id)}”放回原处`,
    onDragCancel: ({ active }) => `取消移动，“${titleOf(active.id)}”放回原处`,
  };
  const end = ({ active, over }: DragEndEvent) => {
    if (!over) return;
    const from = entries.findIndex((e) => e.key === active.id);
    const to = entries.findIndex((e) => e.key === over.id);
    if (from >= 0 && to >= 0 && from !== to) onMove(from, to);
  };
  if (entries.length === 0) return <Typography.Paragraph>{t('composer.none')}</Typography.Paragraph>;
  return (
    <DndContext
      id={`composer-${id}`}
      sensors={sensors}
      onDragEnd={end}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable: '按空格键拿起，用上下方向键移动，再按空格键放下；按 Esc 取消。',
        },
      }}
    >
      <ol className="composer-entries" aria-label={label} data-list={id}>
        {entries.map((entry, i) => (
          <Row
            key={entry.key}
            entry={entry}
            place={i + 1}
            first={i === 0}
            last={i === entries.length - 1}
            village={village}
            busy={busy}
            onUp={() => onMove(i, i - 1)}
            onDown={() => onMove(i, i + 1)}
          />
        ))}
      </ol>
    </DndContext>
  );
}

function Row(props: {
  entry: Entry;
  place: number;
  first: boolean;
  last: boolean;
  village: string;
  busy: boolean;
  onUp(): void;
  onDown(): void;
}) {
  const t = useT();
  const { entry } = props;
  const drag = useDraggable({ id: entry.key });
  const drop = useDroppable({ id: entry.key });
  const style = drag.transform
    ? { transform: `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)`, zIndex: 2 }
    : undefined;
  return (
    <li
      ref={drop.setNodeRef}
      className={`composer-entry${drop.isOver ? ' composer-entry--over' : ''}`}
      data-entry={entry.name}
    >
      <div ref={drag.setNodeRef} style={style} className="composer-entry__body">
        <button
          type="button"
          className="composer-entry__handle"
          aria-label={t('composer.drag', { title: entry.title })}
          {...drag.attributes}
          {...drag.listeners}
        >
          <span aria-hidden="true">⋮⋮</span>
        </button>
        <span className="composer-entry__place" aria-hidden="true">
          {props.place}
        </span>
        <span className="composer-entry__title">{entry.title}</span>
        <span className="composer-entry__tools">
          <Button
            disabled={props.first || props.busy}
            onClick={props.onUp}
            aria-label={t('composer.upOf', { title: entry.title })}
          >
            {t('composer.up')}
          </Button>
          <Button
            disabled={props.last || props.busy}
            onClick={props.onDown}
            aria-label={t('composer.downOf', { title: entry.title })}
          >
            {t('composer.down')}
          </Button>
          <Link
            to={serviceHref(props.village, entry.name) as '/'}
            className="composer-entry__settings"
            aria-label={t('composer.settingsOf', { title: entry.title })}
          >
            {t('composer.settings')}
          </Link>
        </span>
      </div>
    </li>
  );
}
